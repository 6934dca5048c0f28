import type { Incident } from '../../api/types';
import { disciplineActionLabel, humanize } from '../../domain/labels';
import { formatDate, plural } from '../../format/format';
import { EmptyState } from '../feedback/EmptyState';

/** Discipline incidents of the year, newest first, as a timeline. */
export function IncidentsList({ incidents }: { incidents: Incident[] }) {
  const ordered = [...incidents].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="card" aria-labelledby="incidents-title">
      <h2 id="incidents-title" className="card-title">
        Behavior incidents
      </h2>
      {ordered.length === 0 ? (
        <EmptyState title="No discipline incidents recorded this school year." />
      ) : (
        <ol className="timeline">
          {ordered.map((incident) => (
            <li key={incident.id} className="timeline-item">
              <time dateTime={incident.date} className="timeline-date">
                {formatDate(incident.date)}
              </time>
              <p className="timeline-text">
                <strong>{humanize(incident.behavior)}</strong>
                {' · '}
                {disciplineActionLabel(incident.action)}
                {incident.daysRemoved > 0 &&
                  ` · ${plural(incident.daysRemoved, 'day')} removed from class`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
