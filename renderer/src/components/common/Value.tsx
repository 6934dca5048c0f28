import { useTranslation } from 'react-i18next';

/** A formatted value, or a dash that screen readers read as "no data". */
export function Value({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation('common');
  if (text != null && text !== '') return <>{text}</>;
  return (
    <span className="no-data">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('noData')}</span>
    </span>
  );
}
