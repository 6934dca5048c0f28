import { useMemo } from 'react';
import type { GradingPeriod, ProfileGrades } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { gradesConfig } from '../../charts/configs/grades';
import { chartTheme } from '../../charts/theme';
import { subjectLabel } from '../../domain/labels';
import { formatGrade } from '../../format/format';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';
import {
  FAILING_GRADE,
  groupByCourse,
  isFailingMark,
  periodsWithMarks,
  type CourseGrades,
  type Mark,
} from './gradesModel';

export function gradesSummary(courses: CourseGrades[], periods: GradingPeriod[]): string {
  const failing = courses.flatMap((c) =>
    periods
      .filter((p) => {
        const mark = c.byPeriod.get(p.id);
        return mark !== undefined && isFailingMark(mark);
      })
      .map((p) => `${c.courseTitle} in ${p.title}`),
  );
  const base =
    `Grades in ${courses.length} ${courses.length === 1 ? 'course' : 'courses'} across ` +
    `${periods.length} grading ${periods.length === 1 ? 'period' : 'periods'}.`;
  return failing.length === 0
    ? `${base} No grading-period grade below ${FAILING_GRADE} (F).`
    : `${base} Below ${FAILING_GRADE} (F): ${failing.join('; ')}.`;
}

function MarkText({ mark }: { mark: Mark | undefined }) {
  if (!mark || (mark.numericGrade === null && !mark.letter)) {
    return <span className="muted">No grade</span>;
  }
  const failing = isFailingMark(mark);
  return (
    <span className={failing ? 'mark-failing' : undefined}>
      {formatGrade(mark.numericGrade)}
      {mark.letter ? ` (${mark.letter})` : ''}
    </span>
  );
}

/** Each course's grade per grading period, with the F line, and the same as a table. */
export function GradesFigure({
  grades,
  gradingPeriods,
}: {
  grades: ProfileGrades;
  gradingPeriods: GradingPeriod[];
}) {
  const courses = useMemo(() => groupByCourse(grades, gradingPeriods), [grades, gradingPeriods]);
  const periods = useMemo(
    () => periodsWithMarks(courses, gradingPeriods),
    [courses, gradingPeriods],
  );
  const config = useMemo(() => gradesConfig(courses, periods, chartTheme()), [courses, periods]);
  const hasFinals = courses.some((c) => c.finals.length > 0);
  if (courses.length === 0 || periods.length === 0) {
    return (
      <section className="card" aria-labelledby="grades-empty-title">
        <h2 id="grades-empty-title" className="card-title">
          Grades
        </h2>
        <EmptyState title="No grades recorded yet.">
          <p>Grades appear after the first grading period is imported.</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ChartFigure
      title="Grades"
      summary={gradesSummary(courses, periods)}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label="Line chart of each course's grade by grading period, with a dashed line at 60 where an F begins"
          describedBy={summaryId}
          height={340}
        />
      )}
      table={
        <DataTable
          caption="Grades by course and grading period"
          head={
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Teacher</th>
              {periods.map((p) => (
                <th key={p.id} scope="col">
                  {p.title}
                </th>
              ))}
              {hasFinals && <th scope="col">Final grades</th>}
            </tr>
          }
        >
          {courses.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                {c.courseTitle}
                <span className="cell-note">{subjectLabel(c.subject)}</span>
              </th>
              <td>{c.teachers.join(', ') || <span className="muted">Not listed</span>}</td>
              {periods.map((p) => (
                <td key={p.id}>
                  <MarkText mark={c.byPeriod.get(p.id)} />
                </td>
              ))}
              {hasFinals && (
                <td>
                  {c.finals.length === 0 ? (
                    <span className="muted">None yet</span>
                  ) : (
                    c.finals.map((m, i) => (
                      <span key={`${m.gradingPeriodId}:${i}`}>
                        {i > 0 && ', '}
                        {m.periodTitle}: <MarkText mark={m} />
                      </span>
                    ))
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
