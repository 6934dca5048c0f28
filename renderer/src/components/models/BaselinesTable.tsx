import type { ModelBaseline, ModelKind } from '../../api/types';
import { baselineLabel } from '../../domain/riskLabels';
import { formatAuc, formatWholePercent } from '../../format/format';
import { DataTable } from '../common/DataTable';
import { Value } from '../common/Value';
import { EmptyState } from '../feedback/EmptyState';

/** The best precision among the approaches, in a sentence. */
function baselinesSummary(baselines: readonly ModelBaseline[], rate: string): string {
  const judged = baselines.filter(
    (b): b is ModelBaseline & { precisionAtRate: number } => b.precisionAtRate !== null,
  );
  const best = judged.reduce<(typeof judged)[number] | null>(
    (top, b) => (top === null || b.precisionAtRate > top.precisionAtRate ? b : top),
    null,
  );
  if (!best) return 'Each approach measured on the same held-out students.';
  return (
    `Each approach measured on the same held-out students. Highest precision at ${rate}: ` +
    `${baselineLabel(best.name)}, ${formatWholePercent(best.precisionAtRate)}.`
  );
}

/** Transparent rules vs logistic regression vs GRU: a model earns its place by beating the rules. */
export function BaselinesTable({
  baselines,
  rate,
  kind,
}: {
  baselines: ModelBaseline[];
  rate: string;
  kind: ModelKind;
}) {
  return (
    <section className="card" aria-labelledby="baselines-title">
      <h3 id="baselines-title" className="card-title">
        Rules, logistic regression and GRU compared
      </h3>
      {baselines.length === 0 ? (
        <EmptyState title="No baseline results were recorded for this version." />
      ) : (
        <>
          <p className="card-note">{baselinesSummary(baselines, rate)}</p>
          <DataTable
            caption="Baselines: transparent rules vs logistic regression vs GRU"
            captionHidden
            head={
              <tr>
                <th scope="col">Approach</th>
                <th scope="col" className="num">
                  AUC
                </th>
                <th scope="col" className="num">
                  Precision at {rate}
                </th>
                <th scope="col" className="num">
                  Recall at {rate}
                </th>
              </tr>
            }
          >
            {baselines.map((b) => (
              <tr key={b.name}>
                <th scope="row">
                  {baselineLabel(b.name)}
                  {b.name === kind && <span className="cell-note">This version’s kind</span>}
                </th>
                <td className="num">
                  <Value text={formatAuc(b.auc)} />
                </td>
                <td className="num">
                  <Value text={formatWholePercent(b.precisionAtRate)} />
                </td>
                <td className="num">
                  <Value text={formatWholePercent(b.recallAtRate)} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
