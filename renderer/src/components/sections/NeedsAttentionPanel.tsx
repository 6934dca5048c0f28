import type { ComparedWeeks, NeedsAttentionStudent } from '../../api/types';
import { formatDate } from '../../format/format';
import { hrefFor } from '../../stores/routes';
import { EmptyState } from '../feedback/EmptyState';

/** Why someone is listed, so an empty list is read as "checked", not "not working". */
const RULES =
  'A student is listed when their risk tier rose since last week or is high, their grade in this class fell 5 points or more in a week, or they are failing this class.';

/**
 * The students to look at this week, most reasons first, each linking to their profile with the
 * reasons in words (the core decides who and why; main/sections/attention.ts).
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
  return (
    <section className="card" aria-labelledby="needs-attention-title">
      <h2 id="needs-attention-title" className="card-title">
        Needs attention this week
      </h2>
      <p className="card-note">
        {RULES}
        {comparedWeeks &&
          ` “Since last week” compares the week of ${formatDate(comparedWeeks.from)} with the week of ${formatDate(comparedWeeks.to)}.`}
      </p>
      {students.length === 0 ? (
        <EmptyState
          title={
            caseloadOnly
              ? 'No one on your caseload in this class needs attention this week.'
              : 'No one in this class needs attention this week.'
          }
        />
      ) : (
        <ul className="needs-attention-list">
          {students.map((s) => (
            <li key={s.studentId}>
              <a
                className="student-link"
                href={hrefFor({ name: 'student', studentId: s.studentId })}
              >
                {s.name}
              </a>
              <p className="needs-attention-reasons">{s.reasons.join(' ')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
