import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradingPeriod, ProfileGrades } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { gradesConfig } from '../../charts/configs/grades';
import { chartTheme } from '../../charts/theme';
import { subjectLabel } from '../../domain/labels';
import { formatCount, formatGrade } from '../../format/format';
import { i18n } from '../../i18n';
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
      .map((p) => i18n.t('profile:grades.failingItem', { course: c.courseTitle, period: p.title })),
  );
  const base = i18n.t('profile:grades.summary', {
    context: periods.length === 1 ? 'onePeriod' : 'periods',
    count: courses.length,
    courses: formatCount(courses.length),
    periods: formatCount(periods.length),
  });
  const grade = formatGrade(FAILING_GRADE);
  const failingText =
    failing.length === 0
      ? i18n.t('profile:grades.noFailing', { grade })
      : i18n.t('profile:grades.failing', { grade, list: failing.join('; ') });
  return `${base} ${failingText}`;
}

function MarkText({ mark }: { mark: Mark | undefined }) {
  const { t } = useTranslation('profile');
  if (!mark || (mark.numericGrade === null && !mark.letter)) {
    return <span className="muted">{t('grades.noGrade')}</span>;
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
  const { t } = useTranslation('profile');
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
          {t('grades.title')}
        </h2>
        <EmptyState title={t('grades.emptyTitle')}>
          <p>{t('grades.emptyHint')}</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <ChartFigure
      title={t('grades.title')}
      summary={gradesSummary(courses, periods)}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label={t('grades.chartLabel', { grade: formatGrade(FAILING_GRADE) })}
          describedBy={summaryId}
          height={340}
        />
      )}
      table={
        <DataTable
          caption={t('grades.caption')}
          head={
            <tr>
              <th scope="col">{t('grades.course')}</th>
              <th scope="col">{t('grades.teacher')}</th>
              {periods.map((p) => (
                <th key={p.id} scope="col" translate="no">
                  {p.title}
                </th>
              ))}
              {hasFinals && <th scope="col">{t('grades.finals')}</th>}
            </tr>
          }
        >
          {courses.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                <span translate="no">{c.courseTitle}</span>
                <span className="cell-note">{subjectLabel(c.subject)}</span>
              </th>
              <td>
                {c.teachers.length > 0 ? (
                  <span translate="no">{c.teachers.join(', ')}</span>
                ) : (
                  <span className="muted">{t('grades.notListed')}</span>
                )}
              </td>
              {periods.map((p) => (
                <td key={p.id}>
                  <MarkText mark={c.byPeriod.get(p.id)} />
                </td>
              ))}
              {hasFinals && (
                <td>
                  {c.finals.length === 0 ? (
                    <span className="muted">{t('grades.noneYet')}</span>
                  ) : (
                    c.finals.map((m, i) => (
                      <span key={`${m.gradingPeriodId}:${i}`}>
                        {i > 0 && ', '}
                        <span translate="no">{m.periodTitle}</span>: <MarkText mark={m} />
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
