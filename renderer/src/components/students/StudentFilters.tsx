import { useTranslation } from 'react-i18next';
import type { FlagKey, RiskTier } from '../../api/types';
import { FLAG_LABELS, FLAG_ORDER, gradeLong, isFlagKey } from '../../domain/labels';
import { isRiskTier, RISK_TIER_LABELS, RISK_TIER_ORDER } from '../../domain/riskLabels';
import type { StudentQuery } from '../../stores/routes';
import { SearchBox } from './SearchBox';

interface StudentFiltersProps {
  query: StudentQuery;
  /** Grades to offer (those present in the signed-in scope). */
  grades: number[];
  /** Changes when filters are cleared, to reset the search box. */
  resetKey: number;
  onSearch: (search: string) => void;
  onGrade: (grade: number | null) => void;
  onFlag: (flag: FlagKey | null) => void;
  onTier: (tier: RiskTier | null) => void;
  onClear: () => void;
}

export function hasFilters(query: StudentQuery): boolean {
  return query.search !== '' || query.grade !== null || query.flag !== null || query.tier !== null;
}

/** Search, grade, flag and risk-tier filters for the student list. */
export function StudentFilters({
  query,
  grades,
  resetKey,
  onSearch,
  onGrade,
  onFlag,
  onTier,
  onClear,
}: StudentFiltersProps) {
  const { t } = useTranslation('students');
  const gradeOptions =
    query.grade !== null && !grades.includes(query.grade) ? [...grades, query.grade] : grades;
  return (
    <div className="filters" role="group" aria-label={t('filters.group')}>
      <SearchBox key={resetKey} value={query.search} onSearch={onSearch} />
      <div className="field">
        <label htmlFor="grade-filter">{t('filters.grade')}</label>
        <select
          id="grade-filter"
          value={query.grade === null ? '' : String(query.grade)}
          onChange={(e) => onGrade(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{t('filters.allGrades')}</option>
          {gradeOptions.map((g) => (
            <option key={g} value={g}>
              {gradeLong(g)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="flag-filter">{t('filters.flag')}</label>
        <select
          id="flag-filter"
          value={query.flag ?? ''}
          onChange={(e) => onFlag(isFlagKey(e.target.value) ? e.target.value : null)}
        >
          <option value="">{t('filters.anyFlag')}</option>
          {FLAG_ORDER.map((flag) => (
            <option key={flag} value={flag}>
              {FLAG_LABELS[flag].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tier-filter">{t('filters.tier')}</label>
        <select
          id="tier-filter"
          value={query.tier ?? ''}
          onChange={(e) => onTier(isRiskTier(e.target.value) ? e.target.value : null)}
        >
          <option value="">{t('filters.anyTier')}</option>
          {RISK_TIER_ORDER.map((tier) => (
            <option key={tier} value={tier}>
              {t('filters.tierOption', { tier: RISK_TIER_LABELS[tier].label })}
            </option>
          ))}
        </select>
      </div>
      {hasFilters(query) && (
        <button type="button" className="button button-secondary filters-clear" onClick={onClear}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
