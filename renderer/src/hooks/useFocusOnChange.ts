import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to `target` (a heading with tabIndex -1) whenever `value` changes after the first
 * render: a wizard's next step, a finished job. Keyboard and screen-reader users start there.
 */
export function useFocusOnChange<T extends HTMLElement>(value: unknown): RefObject<T | null> {
  const target = useRef<T>(null);
  const previous = useRef(value);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    target.current?.focus();
  }, [value]);
  return target;
}
