import { useTranslation } from 'react-i18next';
import type { ComparedWeeks, NeedsAttentionStudent } from '../../api/types';
import { formatDate } from '../../format/format';
import { hrefFor } from '../../stores/routes';
import { EmptyState } from '../feedback/EmptyState';
import { wordMessage } from '../../i18n/messages';

/**
 * The students to look at this week, most reasons first, each linking to their profile with the
 * reasons in words (the core decides who and why; main/sections/attention.ts). The card says why
 * someone is listed, so an empty list is read as "checked", not "not working".
 */
export function NeedsAttentionPanel({
  students,
  comparedWeeks,
  caseloadOnly,
}: {
  students: NeedsAttentionStudent[];
  comparedWeeks: ComparedWeeks | null;
  /** A counselor sees only their caseload: an empty list says nothing of the rest of the class. */
  caseloadOnly: boolean;
}) {
  const { t } = useTranslation('sections');
  return (
    <section className="card" aria-labelledby="needs-attention-title">
      <h2 id="needs-attention-title" className="card-title">
        {t('attention.title')}
      </h2>
      <p className="card-note">
        {t('attention.rules')}
        {comparedWeeks &&
          ` ${t('attention.compared', {
            from: formatDate(comparedWeeks.from),
            to: formatDate(comparedWeeks.to),
          })}`}
      </p>
      {students.length === 0 ? (
        <EmptyState title={caseloadOnly ? t('attention.emptyCaseload') : t('attention.empty')} />
      ) : (
        <ul className="needs-attention-list">
          {students.map((s) => (
            <li key={s.studentId}>
              <a
                className="student-link"
                href={hrefFor({ name: 'student', studentId: s.studentId })}
                translate="no"
              >
                {s.name}
              </a>
              <p className="needs-attention-reasons">
                {s.reasons.map((r) => wordMessage(r)).join(' ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
