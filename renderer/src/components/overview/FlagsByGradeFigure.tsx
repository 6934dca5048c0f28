import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagsByGradeRow } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { flagsByGradeConfig } from '../../charts/configs/flagsByGrade';
import { chartTheme } from '../../charts/theme';
import { FLAG_LABELS, FLAG_ORDER, gradeLong } from '../../domain/labels';
import { formatCount, formatPercent, share } from '../../format/format';
import { i18n } from '../../i18n';
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
  if (!top) return i18n.t('overview:flagsByGrade.summaryEmpty');
  return i18n.t('overview:flagsByGrade.summary', {
    grade: gradeLong(top.grade),
    anyFlag: formatCount(top.anyFlag),
    students: formatCount(top.students),
    percent: formatPercent(top.share),
  });
}

export function FlagsByGradeFigure({ rows }: { rows: FlagsByGradeRow[] }) {
  const { t } = useTranslation('overview');
  const config = useMemo(() => flagsByGradeConfig(rows, chartTheme()), [rows]);
  return (
    <ChartFigure
      title={t('flagsByGrade.title')}
      summary={flagsByGradeSummary(rows)}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label={t('flagsByGrade.chartLabel')}
          describedBy={summaryId}
          height={320}
        />
      )}
      table={
        <DataTable
          caption={t('flagsByGrade.caption')}
          head={
            <tr>
              <th scope="col">{t('flagsByGrade.grade')}</th>
              <th scope="col" className="num">
                {t('flagsByGrade.students')}
              </th>
              <th scope="col" className="num">
                {t('flagsByGrade.anyFlag')}
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
