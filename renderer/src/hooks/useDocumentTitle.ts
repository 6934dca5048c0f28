import { useEffect } from 'react';

/** "Students · Sightline": screen readers announce the page by its title. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Sightline` : 'Sightline';
  }, [title]);
}
