import { useTranslation } from 'react-i18next';
import type { Incident } from '../../api/types';
import { disciplineActionLabel, humanize } from '../../domain/labels';
import { formatCount, formatDate } from '../../format/format';
import { EmptyState } from '../feedback/EmptyState';

/** Behaviour codes the seed data and common SIS exports use, with words in each language. */
const KNOWN_BEHAVIORS = [
  'classroom_disruption',
  'defiance',
  'inappropriate_language',
  'electronic_device',
  'skipping_class',
  'dress_code',
  'disrespect',
  'harassment',
  'bullying',
  'theft',
  'vandalism',
  'fighting',
  'physical_aggression',
  'substance_possession',
  'weapon_possession',
] as const;

type KnownBehavior = (typeof KNOWN_BEHAVIORS)[number];

function isKnownBehavior(code: string): code is KnownBehavior {
  return (KNOWN_BEHAVIORS as readonly string[]).includes(code);
}

/**
 * An incident's behaviour in words. The contract leaves it free text (the district's own codes),
 * so a code without words is shown as the district wrote it, marked as not for translation.
 */
function Behavior({ code }: { code: string }) {
  const { t } = useTranslation('profile');
  return isKnownBehavior(code) ? (
    <strong>{t(`incidents.behaviors.${code}`)}</strong>
  ) : (
    <strong translate="no">{humanize(code)}</strong>
  );
}

/** Discipline incidents of the year, newest first, as a timeline. */
export function IncidentsList({ incidents }: { incidents: Incident[] }) {
  const { t } = useTranslation('profile');
  const ordered = [...incidents].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section className="card" aria-labelledby="incidents-title">
      <h2 id="incidents-title" className="card-title">
        {t('incidents.title')}
      </h2>
      {ordered.length === 0 ? (
        <EmptyState title={t('incidents.empty')} />
      ) : (
        <ol className="timeline">
          {ordered.map((incident) => (
            <li key={incident.id} className="timeline-item">
              <time dateTime={incident.date} className="timeline-date">
                {formatDate(incident.date)}
              </time>
              <p className="timeline-text">
                <Behavior code={incident.behavior} />
                {' · '}
                {disciplineActionLabel(incident.action)}
                {incident.daysRemoved > 0 &&
                  ` · ${t('incidents.daysRemoved', {
                    count: incident.daysRemoved,
                    days: formatCount(incident.daysRemoved),
                  })}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
