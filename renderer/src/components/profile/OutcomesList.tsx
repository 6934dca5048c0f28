import type { Outcome } from '../../api/types';
import { OUTCOME_LABELS } from '../../domain/labels';
import { DataTable } from '../common/DataTable';
import { EmptyState } from '../feedback/EmptyState';

/** What happened at the end of past terms (the outcomes flags try to anticipate). */
export function OutcomesList({ outcomes }: { outcomes: Outcome[] }) {
  return (
    <section className="card" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title" className="card-title">
        Term outcomes
      </h2>
      {outcomes.length === 0 ? (
        <EmptyState title="No end-of-term outcomes recorded yet.">
          <p>Outcomes are added when a term closes.</p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Outcomes by term"
          captionHidden
          head={
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Outcome</th>
              <th scope="col">Happened?</th>
              <th scope="col">Detail</th>
            </tr>
          }
        >
          {outcomes.map((o) => (
            <tr key={`${o.termTitle}:${o.outcome}`}>
              <th scope="row">{o.termTitle}</th>
              <td>{OUTCOME_LABELS[o.outcome]}</td>
              <td>{o.value ? 'Yes' : 'No'}</td>
              <td>{o.detail ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
