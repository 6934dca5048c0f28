import type { ModelSubgroup } from '../../api/types';
import { groupSubgroups, subgroupSummary } from '../../domain/risk';
import { formatAuc, formatCount, formatWholePercent } from '../../format/format';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/**
 * False-alarm and miss rates by group at the flag rate, one block of rows per audited attribute.
 * Groups too small to judge keep their counts but not their rates.
 */
export function SubgroupTable({ subgroups, rate }: { subgroups: ModelSubgroup[]; rate: string }) {
  const blocks = groupSubgroups(subgroups);
  return (
    <section className="card" aria-labelledby="subgroups-title">
      <h3 id="subgroups-title" className="card-title">
        False alarms and misses by group
      </h3>
      <p className="card-note">
        At the flag rate ({rate}). These attributes are never model inputs: they are kept only to
        check the model is not wrong more often for some students.
      </p>
      {blocks.length === 0 ? (
        <EmptyState title="No subgroup results were recorded for this version." />
      ) : (
        <>
          <p className="chart-summary">{subgroupSummary(subgroups)}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Error rates by group (scrolls sideways)">
            <table className="data-table subgroup-table">
              <caption className="visually-hidden">
                False-alarm and miss rates by group, at the flag rate
              </caption>
              <thead>
                <tr>
                  <th scope="col">Attribute</th>
                  <th scope="col">Group</th>
                  <th scope="col" className="num">
                    Student-weeks checked
                  </th>
                  <th scope="col" className="num">
                    Of them with the outcome
                  </th>
                  <th scope="col" className="num">
                    False-alarm rate
                  </th>
                  <th scope="col" className="num">
                    Miss rate
                  </th>
                  <th scope="col" className="num">
                    Precision
                  </th>
                  <th scope="col" className="num">
                    AUC
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
                      <th scope="row">{s.group}</th>
                      {s.small || s.n === null || s.positives === null ? (
                        <td colSpan={6} className="too-small">
                          Too few students to judge; numbers withheld to protect their privacy
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
