import type { ReactNode } from 'react';

/** A plain, scrollable data table with a caption (the text alternative of charts and lists). */
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
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
