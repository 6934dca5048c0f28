import type { ImportPreview } from '../../api/types';
import { ONEROSTER_MODE_LABELS } from '../../domain/jobLabels';
import { formatCount, plural } from '../../format/format';

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
  const listed = listedFiles(bundle);
  const absent = bundle.files.length - listed.length;
  const readable = bundle.version !== null;
  return (
    <div className="oneroster">
      {listed.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Files {fileName} sends, in the order they are imported</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Sent as</th>
                <th scope="col" className="num">
                  Rows
                </th>
              </tr>
            </thead>
            <tbody>
              {listed.map((f) => (
                <tr key={f.name}>
                  <th scope="row">{f.name}</th>
                  <td>{ONEROSTER_MODE_LABELS[f.mode]}</td>
                  <td className="num">{f.rows === null ? 'missing' : formatCount(f.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {readable && listed.length === 0 && <p>The manifest lists no file to import.</p>}
      {readable && (absent > 0 || listed.length > 0) && (
        <p className="field-hint">
          {absent > 0
            ? `The manifest marks ${listed.length > 0 ? 'the other ' : ''}${plural(absent, 'OneRoster file')} as absent: what Sightline holds from them stays as it is.`
            : ''}
          {listed.some((f) => f.mode === 'bulk')
            ? ' A full set replaces what earlier imports of this roster brought in: a record the file no longer lists is removed.'
            : ''}
          {listed.some((f) => f.mode === 'delta')
            ? ' Changes only touch the rows they list, each marked active or to be deleted.'
            : ''}
        </p>
      )}
      {bundle.problems.length > 0 && (
        <div className={readable ? 'notice' : 'field-error'}>
          <p>
            {readable
              ? `Check ${bundle.problems.length === 1 ? 'this' : 'these'} before importing:`
              : `Sightline cannot import ${fileName}:`}
          </p>
          <ul className="problem-list" aria-label={`Problems with ${fileName}`}>
            {bundle.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
