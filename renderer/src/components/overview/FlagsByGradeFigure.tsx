import { useMemo } from 'react';
import type { FlagsByGradeRow } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { flagsByGradeConfig } from '../../charts/configs/flagsByGrade';
import { chartTheme } from '../../charts/theme';
import { FLAG_LABELS, FLAG_ORDER, gradeLong } from '../../domain/labels';
import { formatCount, formatPercent, share } from '../../format/format';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';

export function flagsByGradeSummary(rows: FlagsByGradeRow[]): string {
  const withShare = rows
    .map((r) => ({ ...r, share: share(r.anyFlag, r.students) }))
    .filter((r): r is typeof r & { share: number } => r.share !== null);
  const top = withShare.reduce<(typeof withShare)[number] | null>(
    (best, r) => (best === null || r.share > best.share ? r : best),
    null,
  );
  if (!top) return 'No students to count yet.';
  return (
    `Students with each early-warning flag in each grade. ` +
    `${gradeLong(top.grade)} has the largest share with any flag: ` +
    `${formatCount(top.anyFlag)} of ${formatCount(top.students)} (${formatPercent(top.share)}).`
  );
}

export function FlagsByGradeFigure({ rows }: { rows: FlagsByGradeRow[] }) {
  const config = useMemo(() => flagsByGradeConfig(rows, chartTheme()), [rows]);
  return (
    <ChartFigure
      title="Flags by grade"
      summary={flagsByGradeSummary(rows)}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label="Bar chart of students with each flag, by grade"
          describedBy={summaryId}
          height={320}
        />
      )}
      table={
        <DataTable
          caption="Students with each flag, by grade"
          head={
            <tr>
              <th scope="col">Grade</th>
              <th scope="col" className="num">
                Students
              </th>
              <th scope="col" className="num">
                Any flag
              </th>
              {FLAG_ORDER.map((flag) => (
                <th key={flag} scope="col" className="num">
                  {FLAG_LABELS[flag].label}
                </th>
              ))}
            </tr>
          }
        >
          {rows.map((r) => (
            <tr key={r.grade}>
              <th scope="row">{gradeLong(r.grade)}</th>
              <td className="num">{formatCount(r.students)}</td>
              <td className="num">{formatCount(r.anyFlag)}</td>
              {FLAG_ORDER.map((flag) => (
                <td key={flag} className="num">
                  {formatCount(r.flags[flag])}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
