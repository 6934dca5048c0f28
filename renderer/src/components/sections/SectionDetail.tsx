import type { SectionView } from '../../api/types';
import { rosterCountText } from '../../domain/sections';
import { EmptyState } from '../feedback/EmptyState';
import { NeedsAttentionPanel } from './NeedsAttentionPanel';
import { RosterTable } from './RosterTable';
import { SectionFacts } from './SectionFacts';
import { SectionTrendFigure } from './SectionTrendFigure';

/** Everything on a section's page below its heading: facts, who needs attention, roster, trend. */
export function SectionDetail({ view }: { view: SectionView }) {
  const partial = view.rows.length !== view.enrolled;
  return (
    <>
      <SectionFacts view={view} />
      <NeedsAttentionPanel
        students={view.needsAttention}
        comparedWeeks={view.comparedWeeks}
        caseloadOnly={partial}
      />
      <section className="card" aria-labelledby="roster-title">
        <h2 id="roster-title" className="card-title">
          Roster
        </h2>
        <p className="card-note">
          {rosterCountText(view.enrolled, view.rows.length)}. Choose a column heading to sort by it;
          choose it again to reverse the order.
        </p>
        {view.rows.length === 0 ? (
          <EmptyState
            title={
              view.enrolled === 0
                ? 'No students are enrolled in this section.'
                : 'None of the students in this section is on your caseload.'
            }
          />
        ) : (
          <RosterTable rows={view.rows} title={view.section.title} />
        )}
      </section>
      <SectionTrendFigure weeks={view.trend} />
    </>
  );
}
