import { useTranslation } from 'react-i18next';
import type { ModelSubgroup } from '../../api/types';
import { groupSubgroups, subgroupSummary } from '../../domain/risk';
import { formatAuc, formatCount, formatWholePercent } from '../../format/format';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';
import { subgroupGroupLabel } from '../../domain/riskLabels';

/**
 * False-alarm and miss rates by group at the flag rate, one block of rows per audited attribute.
 * Groups too small to judge keep their counts but not their rates.
 */
export function SubgroupTable({ subgroups, rate }: { subgroups: ModelSubgroup[]; rate: string }) {
  const { t } = useTranslation('models');
  const blocks = groupSubgroups(subgroups);
  return (
    <section className="card" aria-labelledby="subgroups-title">
      <h3 id="subgroups-title" className="card-title">
        {t('subgroups.title')}
      </h3>
      <p className="card-note">{t('subgroups.note', { rate })}</p>
      {blocks.length === 0 ? (
        <EmptyState title={t('subgroups.empty')} />
      ) : (
        <>
          <p className="chart-summary">{subgroupSummary(subgroups)}</p>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('subgroups.region')}
          >
            <table className="data-table subgroup-table">
              <caption className="visually-hidden">{t('subgroups.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('subgroups.attribute')}</th>
                  <th scope="col">{t('subgroups.group')}</th>
                  <th scope="col" className="num">
                    {t('subgroups.checked')}
                  </th>
                  <th scope="col" className="num">
                    {t('subgroups.withOutcome')}
                  </th>
                  <th scope="col" className="num">
                    {t('subgroups.falseAlarmRate')}
                  </th>
                  <th scope="col" className="num">
                    {t('subgroups.missRate')}
                  </th>
                  <th scope="col" className="num">
                    {t('subgroups.precision')}
                  </th>
                  <th scope="col" className="num">
                    {t('subgroups.auc')}
                  </th>
                </tr>
              </thead>
              {blocks.map((block) => (
                <tbody key={block.attribute}>
                  {block.rows.map((s, i) => (
                    <tr key={s.group} className={s.small ? 'is-small' : undefined}>
                      {i === 0 && (
                        <th
                          scope="rowgroup"
                          rowSpan={block.rows.length}
                          className="subgroup-attribute"
                        >
                          {block.label}
                        </th>
                      )}
                      <th scope="row">{subgroupGroupLabel(s.group)}</th>
                      {s.small || s.n === null || s.positives === null ? (
                        <td colSpan={6} className="too-small">
                          {t('subgroups.tooSmall')}
                        </td>
                      ) : (
                        <>
                          <td className="num">{formatCount(s.n)}</td>
                          <td className="num">{formatCount(s.positives)}</td>
                          <td className="num">
                            <Value text={formatWholePercent(s.falsePositiveRate)} />
                          </td>
                          <td className="num">
                            <Value text={formatWholePercent(s.falseNegativeRate)} />
                          </td>
                          <td className="num">
                            <Value text={formatWholePercent(s.precision)} />
                          </td>
                          <td className="num">
                            <Value text={formatAuc(s.auc)} />
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        </>
      )}
    </section>
  );
}
