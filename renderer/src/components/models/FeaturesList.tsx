import { useTranslation } from 'react-i18next';
import type { ModelVersionDetail } from '../../api/types';
import { formatCount } from '../../format/format';
import { EmptyState } from '../feedback/EmptyState';
import { i18n } from '../../i18n';
import { wordMessage } from '../../i18n/messages';

/** What the model reads: attendance, behaviour, grades, engagement… never protected attributes. */
export function FeaturesList({ features }: { features: ModelVersionDetail['features'] }) {
  const { t } = useTranslation('models');
  return (
    <section className="card" aria-labelledby="features-title">
      <h3 id="features-title" className="card-title">
        {t('features.title')}
      </h3>
      {features.length === 0 ? (
        <EmptyState title={t('features.empty')} />
      ) : (
        <>
          <p className="card-note">
            {t('features.note', {
              count: features.length,
              measures: formatCount(features.length),
            })}
          </p>
          <ul className="feature-list">
            {/* Feature names come from the core (main/training/features.ts). */}
            {features.map((f) => (
              <li key={f.key}>{featureLabel(f)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A feature's name from the core's catalogue (main/api/messages), else as the model names it. */
function featureLabel(f: { key: string; label: string }): string {
  return i18n.exists(`messages:features.${f.key}`)
    ? wordMessage({ key: `features.${f.key}` })
    : f.label;
}
