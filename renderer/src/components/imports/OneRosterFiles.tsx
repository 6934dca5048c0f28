import type { ImportPreview } from '../../api/types';
import { formatCount } from '../../format/format';

const MODE_WORDS = { bulk: 'Full file', delta: 'Changes only', absent: 'Not in this bundle' };

/** A OneRoster bundle's manifest: its version and files, in the order they are imported. */
export function OneRosterFiles({ bundle }: { bundle: NonNullable<ImportPreview['oneRoster']> }) {
  return (
    <div className="oneroster">
      <p>OneRoster version: {bundle.version ?? 'not stated in the manifest'}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Files in the bundle, in import order</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind of file</th>
              <th scope="col" className="num">
                Rows
              </th>
            </tr>
          </thead>
          <tbody>
            {bundle.files.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.name}</th>
                <td>{MODE_WORDS[f.mode]}</td>
                <td className="num">{f.rows === null ? '—' : formatCount(f.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {bundle.problems.length > 0 && (
        <ul className="problem-list" aria-label="Problems with the bundle">
          {bundle.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
