import { Trans, useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../api/types';
import { formatCount } from '../../format/format';
import { columnName } from '../../stores/imports/wizardRules';
import { AS_IS } from './asIs';

/** The file's first rows as Sightline read them, with their line numbers in the file. */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('imports');
  if (preview.sample.length === 0) {
    return <p className="muted">{t('sample.empty')}</p>;
  }
  return (
    <div className="table-scroll sample-scroll">
      <table className="data-table sample-table">
        <caption>
          <Trans
            t={t}
            i18nKey="sample.caption"
            count={preview.sample.length}
            values={{ n: formatCount(preview.sample.length), file: preview.fileName }}
            components={AS_IS}
          />
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('sample.line')}
            </th>
            {preview.headers.map((header, i) =>
              header.trim() ? (
                <th key={i} scope="col" translate="no">
                  {header.trim()}
                </th>
              ) : (
                <th key={i} scope="col">
                  {columnName(i)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody translate="no">
          {preview.sample.map((row) => (
            <tr key={row.line}>
              <th scope="row" className="num">
                {row.line}
              </th>
              {preview.headers.map((_, i) => (
                <td key={i}>{row.values[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
