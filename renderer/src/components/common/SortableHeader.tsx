import { flexRender, type Header } from '@tanstack/react-table';

/** A column whose `meta` is `{ numeric: true }` is right-aligned, header and cells alike. */
export function isNumericColumn(meta: unknown): boolean {
  return typeof meta === 'object' && meta !== null && 'numeric' in meta && meta.numeric === true;
}

/**
 * A tanstack column header as a button that sorts by it; `aria-sort` says the current order and
 * the arrow repeats it for sighted readers (never the only cue).
 */
export function SortableHeader<Row>({ header }: { header: Header<Row, unknown> }) {
  const sorted = header.column.getIsSorted();
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  const icon = sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕';
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className={isNumericColumn(header.column.columnDef.meta) ? 'num' : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={header.column.getToggleSortingHandler()}
      >
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span className="sort-icon" aria-hidden="true">
          {icon}
        </span>
      </button>
    </th>
  );
}
