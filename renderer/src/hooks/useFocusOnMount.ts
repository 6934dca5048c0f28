import { useEffect, useRef } from 'react';

/** Focus lands on this element (a form's heading, tabIndex -1) when it first appears. */
export function useFocusOnMount<T extends HTMLElement>() {
  const target = useRef<T>(null);
  useEffect(() => {
    target.current?.focus();
  }, []);
  return target;
}
