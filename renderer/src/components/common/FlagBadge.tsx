import { useTranslation } from 'react-i18next';
import type { FlagKey } from '../../api/types';
import { FLAG_LABELS, FLAG_ORDER } from '../../domain/labels';

/** A raised early-warning flag: an icon and its name, so it never relies on colour. */
export function FlagBadge({ flag }: { flag: FlagKey }) {
  const { label, description } = FLAG_LABELS[flag];
  return (
    <span className="flag-badge" data-flag={flag} title={description}>
      <span className="flag-badge-icon" aria-hidden="true">
        ⚑
      </span>
      {label}
    </span>
  );
}

/** The raised flags of one student, in the usual order; "None" when there are none. */
export function FlagBadges({ flags }: { flags: readonly FlagKey[] }) {
  const { t } = useTranslation('common');
  if (flags.length === 0) return <span className="muted">{t('none')}</span>;
  const ordered = FLAG_ORDER.filter((f) => flags.includes(f));
  return (
    <ul className="flag-badges">
      {ordered.map((flag) => (
        <li key={flag}>
          <FlagBadge flag={flag} />
        </li>
      ))}
    </ul>
  );
}
