import type { ReactNode } from 'react';

/**
 * The page's one h1. Focusable from script (not by Tab) so that moving to a new page puts focus,
 * and the screen reader, at its start.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
