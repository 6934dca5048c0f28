import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'main';

/** First stop for keyboard users: jumps past the header to the page content. */
export function SkipLink() {
  const { t } = useTranslation('layout');
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // The hash is the router's; move focus without changing it.
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={skip}>
      {t('skipLink')}
    </a>
  );
}
