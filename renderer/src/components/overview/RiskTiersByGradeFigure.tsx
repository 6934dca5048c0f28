import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { riskTiersByGradeConfig } from '../../charts/configs/riskTiersByGrade';
import { chartTheme } from '../../charts/theme';
import { gradeLong } from '../../domain/labels';
import { RISK_TIER_LABELS, RISK_TIER_ORDER } from '../../domain/riskLabels';
import { formatCount, formatPercent, share } from '../../format/format';
import { i18n } from '../../i18n';
import { ChartFigure } from '../common/ChartFigure';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

type Row = Overview['riskTiersByGrade'][number];

function totals(rows: Row[]): Omit<Row, 'grade'> {
  const sum = (key: keyof Omit<Row, 'grade'>) => rows.reduce((n, r) => n + r[key], 0);
  return {
    students: sum('students'),
    high: sum('high'),
    moderate: sum('moderate'),
    low: sum('low'),
    unscored: sum('unscored'),
    overridden: sum('overridden'),
  };
}

/** Which grade has the largest share in the high tier, and how many have no score or a set tier. */
export function riskTiersSummary(rows: Row[]): string {
  const withShare = rows
    .map((r) => ({ ...r, share: share(r.high, r.students) }))
    .filter((r): r is Row & { share: number } => r.share !== null && r.high > 0);
  const top = withShare.reduce<(typeof withShare)[number] | null>(
    (best, r) => (best === null || r.share > best.share ? r : best),
    null,
  );
  const all = totals(rows);
  const sentences = [
    i18n.t('overview:riskTiers.summary'),
    top
      ? i18n.t('overview:riskTiers.summaryTop', {
          grade: gradeLong(top.grade),
          high: formatCount(top.high),
          students: formatCount(top.students),
          percent: formatPercent(top.share),
        })
      : i18n.t('overview:riskTiers.summaryNoHigh'),
  ];
  if (all.unscored > 0) {
    sentences.push(
      i18n.t('overview:riskTiers.summaryUnscored', {
        count: all.unscored,
        formatted: formatCount(all.unscored),
      }),
    );
  }
  if (all.overridden > 0) {
    sentences.push(
      i18n.t('overview:riskTiers.summaryOverridden', {
        count: all.overridden,
        formatted: formatCount(all.overridden),
      }),
    );
  }
  return sentences.join(' ');
}

/**
 * Students in each risk tier by grade: the early-warning model's tier, or the one a counselor or
 * administrator set (the core applies the override: main/risk/effective-tier.ts).
 */
export function RiskTiersByGradeFigure({ rows }: { rows: Row[] }) {
  const { t } = useTranslation('overview');
  const config = useMemo(() => riskTiersByGradeConfig(rows, chartTheme()), [rows]);
  const all = totals(rows);
  if (all.students === all.unscored) {
    return (
      <section className="card" aria-labelledby="risk-tiers-empty-title">
        <h2 id="risk-tiers-empty-title" className="card-title">
          {t('riskTiers.title')}
        </h2>
        <EmptyState title={t('riskTiers.emptyTitle')}>
          <p>{t('riskTiers.emptyBody')}</p>
        </EmptyState>
      </section>
    );
  }
  const cells = (r: Omit<Row, 'grade'>) => (
    <>
      <td className="num">{formatCount(r.students)}</td>
      {RISK_TIER_ORDER.map((tier) => (
        <td key={tier} className="num">
          {formatCount(r[tier])}
        </td>
      ))}
      <td className="num">{formatCount(r.unscored)}</td>
      <td className="num">{formatCount(r.overridden)}</td>
      <td className="num">
        <Value text={formatPercent(share(r.high, r.students))} />
      </td>
    </>
  );
  return (
    <ChartFigure
      title={t('riskTiers.title')}
      summary={riskTiersSummary(rows)}
      chart={(summaryId) => (
        <ChartCanvas
          config={config}
          label={t('riskTiers.chartLabel')}
          describedBy={summaryId}
          height={300}
        />
      )}
      table={
        <DataTable
          caption={t('riskTiers.caption')}
          head={
            <tr>
              <th scope="col">{t('riskTiers.grade')}</th>
              <th scope="col" className="num">
                {t('riskTiers.students')}
              </th>
              {RISK_TIER_ORDER.map((tier) => (
                <th key={tier} scope="col" className="num">
                  {RISK_TIER_LABELS[tier].label}
                </th>
              ))}
              <th scope="col" className="num">
                {t('riskTiers.unscored')}
              </th>
              <th scope="col" className="num">
                {t('riskTiers.overridden')}
              </th>
              <th scope="col" className="num">
                {t('riskTiers.highShare')}
              </th>
            </tr>
          }
        >
          {rows.map((r) => (
            <tr key={r.grade}>
              <th scope="row">{gradeLong(r.grade)}</th>
              {cells(r)}
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">{t('riskTiers.total')}</th>
            {cells(all)}
          </tr>
        </DataTable>
      }
    >
      <p className="card-note">{t('riskTiers.note')}</p>
    </ChartFigure>
  );
}
