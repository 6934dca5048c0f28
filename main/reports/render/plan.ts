/**
 * One intervention's plan, to print and sign at a meeting with the student and family: the
 * plan's fields, its check-in history (private notes only for those who may read them), the
 * outcome, and signature lines.
 */
import type { InterventionPlanData } from '../report-data';
import { checkinHistory, interventionFields, outcomeText } from './intervention-blocks';
import { CONFIDENTIAL, stampLine } from './stamp';
import { INK, MUTED, TaggedReport } from './tagged-doc';
import { longDate } from './text';
import { gradeWords, INTERVENTION_TYPE_WORDS } from './words';

export function interventionPlanPdf(data: InterventionPlanData): Promise<Buffer> {
  const { student: s, intervention: iv, stamp } = data;
  const name = `${s.givenName} ${s.familyName}`;
  const report = new TaggedReport({
    title: `Intervention plan: ${name}`,
    header: `Sightline intervention plan · ${name} · ${INTERVENTION_TYPE_WORDS[iv.type]} · Confidential`,
    footer: stampLine(stamp),
  });
  report.heading(1, `Intervention plan: ${name}`);
  report.paragraph(
    `${gradeWords(s.gradeLevel)} · ${s.schoolName} · Counselor: ${s.counselorName ?? 'none assigned'} · Student number ${s.studentNumber}`,
    { bold: true },
  );
  report.paragraph(`Prepared for ${stamp.preparedFor} on ${longDate(stamp.printedOn)}.`);
  report.paragraph(CONFIDENTIAL, { size: 8.5, color: MUTED });

  report.heading(2, 'The plan');
  interventionFields(report, iv, { withOutcome: false });
  report.heading(2, 'Check-in history');
  checkinHistory(report, iv);
  report.heading(2, 'Outcome');
  report.paragraph(outcomeText(iv));
  signatures(report, ['Student', 'Parent or guardian', `Champion (${iv.ownerName})`, 'Counselor']);
  return report.finish();
}

/** A line to sign and a line to date for each person; the lines are decoration, the labels text. */
function signatures(report: TaggedReport, people: string[]): void {
  const { doc } = report;
  const block = 40;
  // The signatures belong on one page, with the sentence they sign under.
  report.heading(2, 'Signatures', 30 + people.length * block);
  report.paragraph(
    'By signing, we agree to this plan and to review it at each check-in on the schedule above.',
  );
  for (const person of people) {
    report.keepSpace(block);
    const lineY = doc.y + 22;
    const signWidth = report.width * 0.62;
    const dateX = report.left + signWidth + 24;
    report.artifact(() => {
      doc.lineWidth(0.8).strokeColor(INK);
      doc
        .moveTo(report.left, lineY)
        .lineTo(report.left + signWidth, lineY)
        .stroke();
      doc
        .moveTo(dateX, lineY)
        .lineTo(report.left + report.width, lineY)
        .stroke();
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(MUTED)
        .text('Date', dateX, lineY + 3, { lineBreak: false });
    });
    doc.y = lineY + 3;
    report.paragraph(`${person}: signature and date`, { size: 9, color: MUTED });
  }
}
