import { Trans, useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../api/types';
import { ONEROSTER_MODE_LABELS } from '../../domain/jobLabels';
import { formatCount } from '../../format/format';
import { AS_IS } from './asIs';

type Bundle = NonNullable<ImportPreview['oneRoster']>;
type ListedFile = Bundle['files'][number] & { mode: 'bulk' | 'delta' };

/** The files a bundle's manifest sends (bulk or delta), skipping those it marks absent. */
export function listedFiles(bundle: Bundle): ListedFile[] {
  return bundle.files.filter((f): f is ListedFile => f.mode !== 'absent');
}

/**
 * A OneRoster bundle's manifest: the files it sends, each as a full set or as changes, with
 * their rows, in the order Sightline imports them; and what is wrong with the bundle, if anything.
 */
export function OneRosterFiles({ bundle, fileName }: { bundle: Bundle; fileName: string }) {
  const { t } = useTranslation('imports');
  const listed = listedFiles(bundle);
  const absent = bundle.files.length - listed.length;
  const readable = bundle.version !== null;
  const notes = [
    absent > 0
      ? t(listed.length > 0 ? 'oneRoster.absentOther' : 'oneRoster.absent', {
          count: absent,
          n: formatCount(absent),
        })
      : null,
    listed.some((f) => f.mode === 'bulk') ? t('oneRoster.bulk') : null,
    listed.some((f) => f.mode === 'delta') ? t('oneRoster.delta') : null,
  ].filter((note) => note !== null);
  return (
    <div className="oneroster">
      {listed.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              <Trans
                t={t}
                i18nKey="oneRoster.caption"
                values={{ file: fileName }}
                components={AS_IS}
              />
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('oneRoster.file')}</th>
                <th scope="col">{t('oneRoster.sentAs')}</th>
                <th scope="col" className="num">
                  {t('oneRoster.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {listed.map((f) => (
                <tr key={f.name}>
                  <th scope="row" translate="no">
                    {f.name}
                  </th>
                  <td>{ONEROSTER_MODE_LABELS[f.mode]}</td>
                  <td className="num">
                    {f.rows === null ? t('oneRoster.missing') : formatCount(f.rows)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {readable && listed.length === 0 && <p>{t('oneRoster.noFiles')}</p>}
      {readable && (absent > 0 || listed.length > 0) && (
        <p className="field-hint">{notes.join(' ')}</p>
      )}
      {bundle.problems.length > 0 && (
        <div className={readable ? 'notice' : 'field-error'}>
          <p>
            {readable ? (
              t('oneRoster.checkFirst', { count: bundle.problems.length })
            ) : (
              <Trans
                t={t}
                i18nKey="oneRoster.cannotImport"
                values={{ file: fileName }}
                components={AS_IS}
              />
            )}
          </p>
          <ul
            className="problem-list"
            aria-label={t('oneRoster.problemsLabel', { file: fileName })}
          >
            {bundle.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
