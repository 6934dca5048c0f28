import type { ModelVersionDetail } from '../../api/types';
import { plural } from '../../format/format';
import { EmptyState } from '../feedback/EmptyState';

/** What the model reads: attendance, behaviour, grades, engagement… never protected attributes. */
export function FeaturesList({ features }: { features: ModelVersionDetail['features'] }) {
  return (
    <section className="card" aria-labelledby="features-title">
      <h3 id="features-title" className="card-title">
        What the model reads
      </h3>
      {features.length === 0 ? (
        <EmptyState title="No feature list was recorded for this version." />
      ) : (
        <>
          <p className="card-note">
            {plural(features.length, 'weekly measure')}. Race and ethnicity, sex, disability,
            language and free or reduced-price lunch are never among them.
          </p>
          <ul className="feature-list">
            {features.map((f) => (
              <li key={f.key}>{f.label}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
