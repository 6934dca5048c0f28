import { flexRender, type Table } from '@tanstack/react-table';
import { isNumericColumn, SortableHeader } from './SortableHeader';

/**
 * A whole tanstack table sorted in the browser (a roster, a caseload): headers that sort, the
 * `rowHeader` column's cells as row headers, numeric columns right-aligned. The caption says the
 * current order; the caller words it.
 */
export function SortedTable<Row>({
  table,
  caption,
  className,
  rowHeader = 'name',
  rowClassName,
}: {
  table: Table<Row>;
  caption: string;
  className: string;
  rowHeader?: string;
  rowClassName?: (row: Row) => string | undefined;
}) {
  return (
    <div className="table-scroll">
      <table className={`data-table ${className}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original)}>
              {row.getVisibleCells().map((cell) =>
                cell.column.id === rowHeader ? (
                  <th key={cell.id} scope="row">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td
                    key={cell.id}
                    className={isNumericColumn(cell.column.columnDef.meta) ? 'num' : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
