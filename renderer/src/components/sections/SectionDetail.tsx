import { useTranslation } from 'react-i18next';
import type { SectionView } from '../../api/types';
import { rosterCountText } from '../../domain/sections';
import { EmptyState } from '../feedback/EmptyState';
import { NeedsAttentionPanel } from './NeedsAttentionPanel';
import { RosterTable } from './RosterTable';
import { SectionFacts } from './SectionFacts';
import { SectionTrendFigure } from './SectionTrendFigure';

/** Everything on a section's page below its heading: facts, who needs attention, roster, trend. */
export function SectionDetail({ view }: { view: SectionView }) {
  const { t } = useTranslation('sections');
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
          {t('roster.title')}
        </h2>
        <p className="card-note">
          {t('roster.note', { enrolled: rosterCountText(view.enrolled, view.rows.length) })}
        </p>
        {view.rows.length === 0 ? (
          <EmptyState
            title={view.enrolled === 0 ? t('roster.emptyNone') : t('roster.emptyCaseload')}
          />
        ) : (
          <RosterTable rows={view.rows} title={view.section.title} />
        )}
      </section>
      <SectionTrendFigure weeks={view.trend} />
    </>
  );
}
