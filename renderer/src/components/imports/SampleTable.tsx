import type { ImportPreview } from '../../api/types';
import { plural } from '../../format/format';

/** The file's first rows as Sightline read them, with their line numbers in the file. */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) {
    return <p className="muted">The file has no data rows under its header.</p>;
  }
  return (
    <div className="table-scroll sample-scroll">
      <table className="data-table sample-table">
        <caption>
          First {plural(preview.sample.length, 'row')} of {preview.fileName}, as read
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            {preview.headers.map((header, i) => (
              <th key={i} scope="col">
                {header.trim() || `Column ${i + 1}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
