/**
 * The student report: who the student is, the transparent flags with their numbers, the model's
 * score with its reasons in words, risk and attendance over the year (charts, each followed by a
 * table), grades, interventions with their check-ins, and end-of-term outcomes.
 */
import type { RiskTier } from '../../../db/schema';
import type { InterventionView, StudentProfile } from '../../api/contract';
import type { StudentReportData } from '../report-data';
import { barChart, lineChart } from './charts';
import { checkinHistory, interventionFields, interventionTitle } from './intervention-blocks';
import { attendanceByMonth, riskByMonth, weekRate } from './series';
import { CONFIDENTIAL, stampLine } from './stamp';
import { MUTED, TaggedReport } from './tagged-doc';
import { localDay, longDate, monthTitle, percent, plural, riskPercent, shortDate } from './text';
import { gradeWords, TERM_OUTCOME_WORDS, TIER_WORDS } from './words';
import { wordMessage } from '../../i18n/messages';

const CHART_HEIGHT = 170;

export function studentReportPdf(data: StudentReportData): Promise<Buffer> {
  const { profile, stamp } = data;
  const s = profile.student;
  const name = `${s.givenName} ${s.familyName}`;
  const report = new TaggedReport({
    title: `Student report: ${name}`,
    header: `Sightline student report · ${name} · ${gradeWords(s.gradeLevel)} · ${s.schoolName} · Confidential`,
    footer: stampLine(stamp),
  });
  report.heading(1, `Student report: ${name}`);
  report.paragraph(
    `${gradeWords(s.gradeLevel)} · ${s.schoolName} · Counselor: ${s.counselorName ?? 'none assigned'} · Student number ${s.studentNumber}`,
    { bold: true },
  );
  report.paragraph(
    `Data as of ${stamp.dataAsOf ? longDate(stamp.dataAsOf) : 'no date: nothing imported yet'}. Risk model: ${stamp.model?.name ?? 'none active'}. Prepared for ${stamp.preparedFor} on ${longDate(stamp.printedOn)}.`,
  );
  report.paragraph(CONFIDENTIAL, { size: 8.5, color: MUTED });

  flags(report, profile);
  risk(report, profile);
  riskHistory(report, profile);
  attendance(report, data);
  grades(report, profile);
  interventions(report, data.interventions);
  outcomes(report, profile);
  return report.finish();
}

function flags(report: TaggedReport, profile: StudentProfile): void {
  report.heading(2, 'Early-warning flags');
  if (profile.flags.length === 0) {
    report.paragraph(
      'No flags yet: they are computed once attendance, grades or behaviour data arrive.',
    );
    return;
  }
  const raised = profile.flags.filter((f) => f.raised);
  report.paragraph(
    `${raised.length === 0 ? 'No flag is' : `${plural(raised.length, 'flag is', 'flags are')}`} raised${raised.length ? `: ${raised.map((f) => wordMessage(f.label)).join(', ')}` : ''}. These are transparent rules: each one can be checked by hand from the numbers beside it.`,
  );
  report.table(
    [
      { header: 'Flag', width: 0.24 },
      { header: 'Status', width: 0.14 },
      { header: 'What the numbers say', width: 0.62 },
    ],
    profile.flags.map((f) => [
      wordMessage(f.label),
      !f.applies ? 'Does not apply' : f.raised ? 'Raised' : 'Not raised',
      wordMessage(f.explanation),
    ]),
    { rowHeaders: true },
  );
}

function risk(report: TaggedReport, profile: StudentProfile): void {
  report.heading(2, 'Risk score');
  const r = profile.risk;
  if (!r) {
    report.paragraph(
      'Not scored yet: the model scores a student once there are weekly attendance, grade or behaviour data for them.',
    );
    return;
  }
  report.paragraph(
    `${TIER_WORDS[r.tier]} risk: a score of ${riskPercent(r.score)} for the week of ${longDate(r.weekStart)}. ${changeWords(r.change, r.previousTier, r.tier)}`,
    { bold: true },
  );
  if (r.override) {
    const note = r.override.note ? ` Their reason: “${r.override.note}”` : '';
    report.paragraph(
      `${r.override.staffName} set this student's tier to ${r.override.overrideTier ? TIER_WORDS[r.override.overrideTier] : 'another tier'} on ${longDate(localDay(r.override.at))}.${note}`,
    );
  }
  report.paragraph(
    `Scored by ${r.modelName} from data as of ${longDate(r.dataAsOf)}. The score ranks students so staff can look at the highest first; it is a reason to look, not a verdict.`,
    { size: 9, color: MUTED },
  );
  report.heading(3, 'Top reasons');
  const reasons = [...r.factors].sort((a, b) => b.delta - a.delta).slice(0, 5);
  if (reasons.length === 0) {
    report.paragraph(
      r.tier === 'low'
        ? 'The model explains moderate and high scores; this score is low, so no reasons are listed.'
        : 'No single reason stood out for this score.',
    );
  } else {
    report.bullets(reasons.map((f) => f.sentence));
  }
}

function changeWords(change: number | null, previousTier: RiskTier | null, tier: RiskTier): string {
  if (change === null) return 'This is the first scored week.';
  const points = Math.round(Math.abs(change) * 100);
  const was =
    previousTier && previousTier !== tier
      ? `, from ${TIER_WORDS[previousTier]} to ${TIER_WORDS[tier]}`
      : '';
  if (points === 0) return `No change since the previous week${was}.`;
  return `${change > 0 ? 'Up' : 'Down'} ${plural(points, 'point')} since the previous week${was}.`;
}

function riskHistory(report: TaggedReport, profile: StudentProfile): void {
  report.heading(2, 'Risk history', TaggedReport.figureSpace(CHART_HEIGHT));
  const history = profile.riskHistory;
  if (history.length === 0) {
    report.paragraph('No weekly scores yet.');
    return;
  }
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const peak = history.reduce((a, b) => (b.score > a.score ? b : a));
  report.figure(
    `Line chart of the weekly risk score over ${plural(history.length, 'week')}, from the week of ${longDate(first.weekStart)} to the week of ${longDate(last.weekStart)}. It started at ${riskPercent(first.score)}, was highest at ${riskPercent(peak.score)} in the week of ${longDate(peak.weekStart)}, and was ${riskPercent(last.score)} (${TIER_WORDS[last.tier]}) in the latest week. The table after the chart gives the numbers by month.`,
    CHART_HEIGHT,
    (box) =>
      lineChart(
        report.doc,
        box,
        history.map((w) => ({ label: shortDate(w.weekStart), value: w.score })),
        { max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], format: (v) => `${Math.round(v * 100)}%` },
      ),
  );
  report.table(
    [
      { header: 'Month', width: 0.24 },
      { header: 'Weeks scored', width: 0.14, align: 'right' },
      { header: 'Lowest', width: 0.14, align: 'right' },
      { header: 'Highest', width: 0.14, align: 'right' },
      { header: 'Last score of the month', width: 0.34 },
    ],
    riskByMonth(history).map((m) => [
      monthTitle(m.month),
      String(m.weeks),
      riskPercent(m.lowest),
      riskPercent(m.highest),
      `${riskPercent(m.last.score)} (${TIER_WORDS[m.last.tier]})`,
    ]),
    { rowHeaders: true },
  );
}

function attendance(report: TaggedReport, data: StudentReportData): void {
  report.heading(2, 'Attendance by week', TaggedReport.figureSpace(CHART_HEIGHT) + 30);
  const i = data.profile.indicators;
  if (i) {
    report.paragraph(
      `Attended ${percent(i.attendanceRate)} of enrolled days this year: absent ${i.daysAbsent} of ${plural(i.daysEnrolled, 'day')} (${i.unexcusedAbsences} unexcused), late ${plural(i.tardies, 'time')}.`,
    );
  }
  const weeks = data.attendanceWeeks.filter((w) => w.daysEnrolled > 0);
  if (weeks.length === 0) {
    report.paragraph('No enrolled school days yet.');
    return;
  }
  const line = 1 - data.chronicAbsence;
  const rated = weeks.map((w) => ({ week: w, rate: weekRate(w)! }));
  const below = rated.filter((w) => w.rate < line);
  const lowest = rated.reduce((a, b) => (b.rate < a.rate ? b : a));
  report.figure(
    `Bar chart of the share of enrolled days attended each week, ${plural(weeks.length, 'school week')} from the week of ${longDate(weeks[0]!.weekStart)} to the week of ${longDate(weeks[weeks.length - 1]!.weekStart)}. ${below.length === 0 ? `Every week was at or above ${percent(line, 0)}.` : `${plural(below.length, 'week was', 'weeks were')} below ${percent(line, 0)}; the lowest was ${percent(lowest.rate, 0)} in the week of ${longDate(lowest.week.weekStart)}.`} A dashed line marks ${percent(line, 0)}, the chronic-absence line. The table after the chart gives the numbers by month.`,
    CHART_HEIGHT,
    (box) =>
      barChart(
        report.doc,
        box,
        weeks.map((w) => ({ label: shortDate(w.weekStart), value: weekRate(w) })),
        { max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], format: (v) => `${Math.round(v * 100)}%` },
        {
          reference: {
            value: line,
            label: `Dashed line: ${percent(line, 0)} attended, the chronic-absence line`,
          },
        },
      ),
  );
  report.table(
    [
      { header: 'Month', width: 0.3 },
      { header: 'Enrolled days', width: 0.22, align: 'right' },
      { header: 'Days absent', width: 0.22, align: 'right' },
      { header: 'Attended', width: 0.26, align: 'right' },
    ],
    attendanceByMonth(weeks).map((m) => [
      monthTitle(m.month),
      String(m.daysEnrolled),
      String(m.daysAbsent),
      percent(m.rate),
    ]),
    { rowHeaders: true },
  );
}

function grades(report: TaggedReport, profile: StudentProfile): void {
  report.heading(2, 'Grades');
  const i = profile.indicators;
  if (i) {
    const parts = [
      i.gpa === null ? 'No GPA yet' : `GPA ${i.gpa.toFixed(2)}`,
      i.failingSections > 0
        ? `failing ${plural(i.failingSections, 'course')} now`
        : 'no course failing now',
      i.lowestGrade === null ? null : `lowest current grade ${Math.round(i.lowestGrade)}`,
      i.missingRate === null ? null : `${percent(i.missingRate, 0)} of assignments missing`,
    ].filter((p): p is string => p !== null);
    report.paragraph(`${parts.join('; ')}.`);
  }
  if (profile.grades.length === 0) {
    report.paragraph('Not enrolled in any section this year.');
    return;
  }
  // Progress marks in grading-period order, then the term's final.
  const periodIndex = new Map(profile.gradingPeriods.map((p, i) => [p.id, i]));
  const markOrder = (m: StudentProfile['grades'][number]['marks'][number]) =>
    m.isFinal ? 1_000 : (periodIndex.get(m.gradingPeriodId) ?? 999);
  report.table(
    [
      { header: 'Course', width: 0.3 },
      { header: 'Teacher', width: 0.2 },
      { header: 'Marks posted', width: 0.5 },
    ],
    profile.grades.map((g) => [
      g.courseTitle,
      g.teacherName ?? '—',
      g.marks.length === 0
        ? 'None yet'
        : [...g.marks]
            .sort((a, b) => markOrder(a) - markOrder(b))
            .map(
              (m) =>
                `${m.periodTitle}${m.isFinal ? ' final' : ''}: ${[m.letter, m.numericGrade === null ? null : `(${Math.round(m.numericGrade)})`].filter(Boolean).join(' ')}`,
            )
            .join('; '),
    ]),
    { rowHeaders: true },
  );
}

function interventions(report: TaggedReport, list: InterventionView[]): void {
  report.heading(2, 'Interventions');
  if (list.length === 0) {
    report.paragraph('No interventions recorded.');
    return;
  }
  for (const iv of list) {
    report.heading(3, interventionTitle(iv));
    interventionFields(report, iv);
    checkinHistory(report, iv);
  }
}

function outcomes(report: TaggedReport, profile: StudentProfile): void {
  report.heading(2, 'End-of-term outcomes');
  if (profile.outcomes.length === 0) {
    report.paragraph('No end-of-term outcomes recorded yet.');
    return;
  }
  report.table(
    [
      { header: 'Term', width: 0.22 },
      { header: 'Outcome', width: 0.22 },
      { header: 'Result', width: 0.12 },
      { header: 'Detail', width: 0.44 },
    ],
    profile.outcomes.map((o) => [
      o.termTitle,
      TERM_OUTCOME_WORDS[o.outcome],
      o.value ? 'Yes' : 'No',
      o.detail ?? '—',
    ]),
  );
}
