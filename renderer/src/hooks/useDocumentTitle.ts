import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Students · Sightline": screen readers announce the page by its title. `title` is in the
 * current language (a t() call).
 */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation('layout');
  const full = title ? t('documentTitle', { title }) : t('appName');
  useEffect(() => {
    document.title = full;
  }, [full]);
}
