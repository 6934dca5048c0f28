import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A plain data table with a caption (the text alternative of charts and lists). When it is wider
 * than the space it has, its box scrolls sideways and becomes a named, focusable region, so the
 * keyboard can scroll it too (WCAG 2.1.1); a table that fits adds no Tab stop.
 */
export function DataTable({
  caption,
  head,
  children,
  captionHidden = false,
}: {
  caption: string;
  head: ReactNode;
  children: ReactNode;
  captionHidden?: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = scroller.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={scroller}
      className="table-scroll"
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}
    >
      <table className="data-table">
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
