import { useCallback, useEffect, useRef } from 'react';

/**
 * Moves focus to the element with a given id once it is on screen: after a form closes, to the
 * button that opened it or to the saved item's heading, which may only appear when the refreshed
 * list arrives. Call it together with the state change that closes the form.
 */
export function useFocusWhenShown(): (elementId: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    const element = document.getElementById(id);
    if (element) {
      pending.current = null;
      element.focus();
    }
  });
  return useCallback((elementId: string) => {
    pending.current = elementId;
  }, []);
}
