import { useTranslation } from 'react-i18next';
import type { SchoolSummary } from '../../api/types';
import { formatCount } from '../../format/format';

interface SchoolPickerProps {
  schools: SchoolSummary[];
  value: string | null;
  onChange: (schoolId: string | null) => void;
}

/** District admins choose one school, or the whole district. */
export function SchoolPicker({ schools, value, onChange }: SchoolPickerProps) {
  const { t } = useTranslation('common');
  return (
    <div className="field">
      <label htmlFor="school-picker">{t('schoolPicker.label')}</label>
      <select
        id="school-picker"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{t('schoolPicker.all')}</option>
        {schools.map((s) => (
          // The school's name is data; an option cannot hold markup to mark only the name.
          <option key={s.id} value={s.id} translate="no">
            {t('schoolPicker.option', {
              name: s.name,
              count: s.studentCount,
              students: formatCount(s.studentCount),
            })}
          </option>
        ))}
      </select>
    </div>
  );
}
