import type { SchoolSummary } from '../../api/types';
import { formatCount } from '../../format/format';

interface SchoolPickerProps {
  schools: SchoolSummary[];
  value: string | null;
  onChange: (schoolId: string | null) => void;
}

/** District admins choose one school, or the whole district. */
export function SchoolPicker({ schools, value, onChange }: SchoolPickerProps) {
  return (
    <div className="field">
      <label htmlFor="school-picker">School</label>
      <select
        id="school-picker"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">All schools in the district</option>
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({formatCount(s.studentCount)} students)
          </option>
        ))}
      </select>
    </div>
  );
}
