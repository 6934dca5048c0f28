import { useTranslation } from 'react-i18next';
import { formatWholePercent } from '../../format/format';

/**
 * What the numbers on this page mean, in plain words, before any number is shown. The flag rate
 * is the district's: the share of students the model flags as high risk.
 */
export function ModelsExplainer({ flagRate }: { flagRate: number }) {
  const { t } = useTranslation('models');
  const rate = formatWholePercent(flagRate) ?? '10%';
  return (
    <section className="card" aria-labelledby="models-explainer-title">
      <h2 id="models-explainer-title" className="card-title">
        {t('explainer.title')}
      </h2>
      <p className="card-note">{t('explainer.intro', { rate })}</p>
      <dl className="explainer-list">
        <div>
          <dt>{t('explainer.precisionTerm', { rate })}</dt>
          <dd>{t('explainer.precision')}</dd>
        </div>
        <div>
          <dt>{t('explainer.recallTerm', { rate })}</dt>
          <dd>{t('explainer.recall')}</dd>
        </div>
        <div>
          <dt>{t('explainer.aucTerm')}</dt>
          <dd>{t('explainer.auc')}</dd>
        </div>
        <div>
          <dt>{t('explainer.groupsTerm')}</dt>
          <dd>{t('explainer.groups')}</dd>
        </div>
        <div>
          <dt>{t('explainer.calibrationTerm')}</dt>
          <dd>{t('explainer.calibration')}</dd>
        </div>
      </dl>
    </section>
  );
}
