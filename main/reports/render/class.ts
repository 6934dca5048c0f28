/**
 * A teacher's one-click class report for a section: who is in the class, their flags, risk tier,
 * attendance and current grade in this course with the change since last week, summary counts,
 * and a chart of the risk tiers followed by the same counts as a table.
 */
import type { RiskTier } from '../../../db/schema';
import type { ClassReportData, ClassReportRow } from '../report-data';
import { barChart } from './charts';
import { CONFIDENTIAL, stampLine } from './stamp';
import { MUTED, TaggedReport } from './tagged-doc';
import { longDate, percent, plural, riskPercent, shortDate } from './text';
import { FLAG_WORDS, TIER_WORDS } from './words';

const TIER_ORDER: RiskTier[] = ['high', 'moderate', 'low'];

export function classReportPdf(data: ClassReportData): Promise<Buffer> {
  const { section, stamp, rows } = data;
  const report = new TaggedReport({
    title: `Class report: ${section.courseTitle}, ${section.title}`,
    landscape: true,
    header: `Sightline class report · ${section.title} · ${section.termTitle} · Confidential`,
    footer: stampLine(stamp),
  });
  report.heading(1, `Class report: ${section.title}`);
  report.paragraph(
    [
      section.courseTitle,
      section.termTitle,
      section.period ? `Period ${section.period}` : null,
      `Teacher: ${section.teachers.length ? section.teachers.join(', ') : 'none assigned'}`,
      section.schoolName,
    ]
      .filter(Boolean)
      .join(' · '),
    { bold: true },
  );
  report.paragraph(
    `Data as of ${stamp.dataAsOf ? longDate(stamp.dataAsOf) : 'no date: nothing imported yet'}. Risk model: ${stamp.model?.name ?? 'none active'}. Prepared for ${stamp.preparedFor} on ${longDate(stamp.printedOn)}.`,
  );
  if (rows.length < data.enrolled) {
    report.paragraph(
      `${plural(data.enrolled, 'student is', 'students are')} enrolled; only the ${plural(rows.length, 'student')} you work with ${rows.length === 1 ? 'is' : 'are'} listed.`,
    );
  }
  report.paragraph(CONFIDENTIAL.replace('this student', 'these students'), {
    size: 8.5,
    color: MUTED,
  });

  summary(report, data);
  tierChart(report, rows);
  roster(report, data);
  return report.finish();
}

function summary(report: TaggedReport, data: ClassReportData): void {
  const { rows } = data;
  report.heading(2, 'Summary');
  if (rows.length === 0) {
    report.paragraph('No students to list.');
    return;
  }
  const flagged = rows.filter((r) => r.flags.length > 0).length;
  const flagCounts = new Map<string, number>();
  for (const label of rows.flatMap((r) => r.flags.map((f) => FLAG_WORDS[f]))) {
    flagCounts.set(label, (flagCounts.get(label) ?? 0) + 1);
  }
  const rates = rows.map((r) => r.attendanceRate).filter((v): v is number => v !== null);
  const graded = rows.filter((r) => r.grade !== null);
  const falling = rows.filter((r) => r.gradeChange !== null && r.gradeChange <= -5).length;
  const items = [
    `${plural(rows.length, 'student')}: ${flagged} with at least one flag raised.`,
    flagCounts.size
      ? `Flags raised: ${[...flagCounts].map(([label, n]) => `${label} ${n}`).join('; ')}.`
      : 'No flags raised.',
    `Risk tiers: ${tierCounts(rows)
      .map((t) => `${t.count} ${t.label.toLowerCase()}`)
      .join(', ')}.`,
    rates.length
      ? `Attendance this year: ${percent(average(rates))} on average; ${rates.filter((r) => r < 1 - data.chronicAbsence).length} under ${percent(1 - data.chronicAbsence, 0)} (the chronic-absence line).`
      : 'No attendance recorded yet.',
    graded.length
      ? `Current grade in this course: ${Math.round(average(graded.map((r) => r.grade!)))} on average; ${graded.filter((r) => r.failing).length} failing.`
      : 'No grades in this course yet.',
    data.comparedWeeks
      ? `Since last week (week of ${shortDate(data.comparedWeeks.from)} to week of ${shortDate(data.comparedWeeks.to)}): ${plural(falling, 'grade', 'grades')} fell 5 points or more; ${rows.filter((r) => r.previousTier !== null && r.riskTier !== null && r.previousTier !== r.riskTier).length} changed risk tier.`
      : 'No earlier week to compare with yet.',
  ];
  report.bullets(items);
}

function tierCounts(rows: ClassReportRow[]): { label: string; count: number }[] {
  return [
    ...TIER_ORDER.map((tier) => ({
      label: TIER_WORDS[tier],
      count: rows.filter((r) => r.riskTier === tier).length,
    })),
    { label: 'Not scored', count: rows.filter((r) => r.riskTier === null).length },
  ];
}

function tierChart(report: TaggedReport, rows: ClassReportRow[]): void {
  if (rows.length === 0) return;
  const counts = tierCounts(rows);
  const max = Math.max(1, ...counts.map((c) => c.count));
  const step = Math.max(1, Math.ceil(max / 4));
  const top = step * Math.ceil(max / step);
  report.heading(2, 'Students by risk tier', TaggedReport.figureSpace(140));
  report.figure(
    `Bar chart of the students in this class by risk tier: ${counts.map((c) => `${c.label} ${c.count}`).join(', ')}. The same counts are in the table after the chart.`,
    140,
    (box) =>
      barChart(
        report.doc,
        { ...box, width: Math.min(box.width, 420) },
        counts.map((c) => ({ label: c.label, value: c.count })),
        {
          max: top,
          ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step),
          format: (v) => String(Math.round(v)),
        },
        { valueLabels: true },
      ),
  );
  report.table(
    [
      { header: 'Risk tier', width: 0.4 },
      { header: 'Students', width: 0.3, align: 'right' },
      { header: 'Share of the class', width: 0.3, align: 'right' },
    ],
    counts.map((c) => [c.label, String(c.count), percent(c.count / rows.length, 0)]),
    { rowHeaders: true },
  );
}

function roster(report: TaggedReport, data: ClassReportData): void {
  report.heading(2, 'Students');
  if (data.rows.length === 0) {
    report.paragraph('No enrolled students to list.');
    return;
  }
  report.table(
    [
      { header: 'Student', width: 0.18 },
      { header: 'Flags raised', width: 0.24 },
      { header: 'Risk tier', width: 0.14 },
      { header: 'Attendance this year', width: 0.11, align: 'right' },
      { header: 'Current grade', width: 0.1, align: 'right' },
      { header: 'Change since last week', width: 0.23 },
    ],
    data.rows.map((r) => [
      `${r.familyName}, ${r.givenName}`,
      r.flags.length ? r.flags.map((f) => FLAG_WORDS[f]).join('; ') : 'None',
      riskCell(r),
      percent(r.attendanceRate),
      r.grade === null ? '—' : `${Math.round(r.grade)}${r.letter ? ` (${r.letter})` : ''}`,
      changeCell(r, data.comparedWeeks !== null),
    ]),
    { rowHeaders: true, fontSize: 8.5 },
  );
}

function riskCell(r: ClassReportRow): string {
  if (!r.riskTier || r.riskScore === null) return 'Not scored';
  const override = r.overrideTier ? `; set by staff to ${TIER_WORDS[r.overrideTier]}` : '';
  return `${TIER_WORDS[r.riskTier]} ${riskPercent(r.riskScore)}${override}`;
}

function changeCell(r: ClassReportRow, compared: boolean): string {
  const parts: string[] = [];
  if (r.gradeChange !== null && Math.round(r.gradeChange) !== 0) {
    const points = Math.round(r.gradeChange);
    parts.push(`Grade ${points > 0 ? 'up' : 'down'} ${plural(Math.abs(points), 'point')}`);
  }
  if (r.riskTier && r.previousTier && r.previousTier !== r.riskTier) {
    parts.push(`Risk ${TIER_WORDS[r.previousTier]} to ${TIER_WORDS[r.riskTier]}`);
  }
  if (parts.length) return parts.join('; ');
  return compared || r.previousTier ? 'No change' : '—';
}

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
