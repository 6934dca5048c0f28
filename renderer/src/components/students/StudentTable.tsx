import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import type { SortDirection, StudentListRow, StudentSortKey } from '../../api/types';
import { gradeShort, isSortKey, SORT_DEFAULT_DIRECTION } from '../../domain/labels';
import { formatCount, formatGpa, formatPercent } from '../../format/format';
import { hrefFor } from '../../stores/routes';
import { FlagBadges } from '../common/FlagBadge';
import { RiskCell } from '../common/RiskChip';
import { isNumericColumn, SortableHeader } from '../common/SortableHeader';
import { Value } from '../common/Value';

const column = createColumnHelper<StudentListRow>();

/** Column ids are the API's sort keys, so the table's sorting state is the API's sort. */
const columns = [
  column.accessor((r) => `${r.familyName}, ${r.givenName}`, {
    id: 'name' satisfies StudentSortKey,
    header: 'Name',
    cell: ({ row: { original: r } }) => (
      <>
        <a className="student-link" href={hrefFor({ name: 'student', studentId: r.id })}>
          {r.familyName}, {r.givenName}
        </a>
        <span className="student-number">
          <span className="visually-hidden">Student number </span>
          {r.studentNumber}
        </span>
      </>
    ),
  }),
  column.accessor('gradeLevel', {
    id: 'grade' satisfies StudentSortKey,
    header: 'Grade',
    cell: (c) => gradeShort(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor('attendanceRate', {
    id: 'attendance_rate' satisfies StudentSortKey,
    header: 'Attendance',
    cell: (c) => <Value text={formatPercent(c.getValue())} />,
    meta: { numeric: true },
  }),
  column.accessor('daysAbsent', {
    id: 'days_absent' satisfies StudentSortKey,
    header: 'Days absent',
    cell: (c) => formatCount(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor('gpa', {
    id: 'gpa' satisfies StudentSortKey,
    header: 'GPA',
    cell: (c) => <Value text={formatGpa(c.getValue())} />,
    meta: { numeric: true },
  }),
  column.accessor('failingSections', {
    id: 'failing_sections' satisfies StudentSortKey,
    header: 'Failing courses',
    cell: (c) => formatCount(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor('incidentDays', {
    id: 'incident_days' satisfies StudentSortKey,
    header: 'Incident days',
    cell: (c) => formatCount(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor('flags', {
    id: 'flag_count' satisfies StudentSortKey,
    header: 'Flags',
    cell: (c) => <FlagBadges flags={c.getValue()} />,
  }),
  column.accessor('riskScore', {
    id: 'risk' satisfies StudentSortKey,
    header: 'Risk',
    cell: ({ row: { original: r } }) => <RiskCell row={r} />,
  }),
].map((def) => ({
  ...def,
  sortDescFirst: SORT_DEFAULT_DIRECTION[def.id as StudentSortKey] === 'desc',
}));

interface StudentTableProps {
  rows: StudentListRow[];
  total: number;
  sort: StudentSortKey;
  dir: SortDirection;
  /** True while a new page, sort or filter loads (the old rows stay, dimmed). */
  busy: boolean;
  caption: string;
  onSort: (sort: StudentSortKey, dir: SortDirection) => void;
}

/**
 * The student list as a table in tanstack's manual mode: the server has already sorted, filtered
 * and paged `rows`; header buttons ask for a new sort.
 */
export function StudentTable({ rows, total, sort, dir, busy, caption, onSort }: StudentTableProps) {
  const sorting: SortingState = [{ id: sort, desc: dir === 'desc' }];
  // No React Compiler memoizes this component; tanstack's table object is meant to be re-read.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first && isSortKey(first.id)) onSort(first.id, first.desc ? 'desc' : 'asc');
    },
  });
  return (
    <div className="table-scroll">
      <table className="data-table student-table" aria-busy={busy}>
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
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) =>
                cell.column.id === 'name' ? (
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
