import { useState } from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import type { SectionRosterRow } from '../../api/types';
import { gradeShort } from '../../domain/labels';
import {
  classGradeText,
  gradeChangeSpoken,
  gradeChangeText,
  tierChange,
  tierChangeSteps,
  tierChangeText,
} from '../../domain/sections';
import { formatPercent } from '../../format/format';
import { hrefFor } from '../../stores/routes';
import { RiskCell } from '../common/RiskChip';
import { isNumericColumn, SortableHeader } from '../common/SortableHeader';
import { Value } from '../common/Value';

const column = createColumnHelper<SectionRosterRow>();

/** Missing values (no score, no grade yet) sort after the rest in either direction. */
const LAST = { sortUndefined: 'last' as const };

/**
 * Each column sorts on the value it shows. `sortDescFirst` puts the rows a teacher would look for
 * first on the first click: most flags, highest risk, biggest rise; lowest attendance and grade,
 * biggest drop.
 */
const columns = [
  column.accessor((r) => `${r.familyName}, ${r.givenName}`, {
    id: 'name',
    header: 'Student',
    sortingFn: (a, b, id) => String(a.getValue(id)).localeCompare(String(b.getValue(id))),
    cell: ({ row: { original: r } }) => (
      <>
        <a className="student-link" href={hrefFor({ name: 'student', studentId: r.studentId })}>
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
    id: 'gradeLevel',
    header: 'Grade level',
    cell: (c) => gradeShort(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor((r) => r.flags.length, {
    id: 'flags',
    header: 'Flags',
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <FlagLabels labels={r.flags} />,
  }),
  column.accessor((r) => r.riskScore ?? undefined, {
    id: 'risk',
    header: 'Risk',
    ...LAST,
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <RiskCell row={r} />,
  }),
  column.accessor((r) => tierChangeSteps(r), {
    id: 'tierChange',
    header: 'Risk since last week',
    ...LAST,
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <TierChange row={r} />,
  }),
  column.accessor((r) => r.attendanceRate ?? undefined, {
    id: 'attendance',
    header: 'Attendance',
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <Value text={formatPercent(r.attendanceRate)} />,
    meta: { numeric: true },
  }),
  column.accessor((r) => r.grade ?? undefined, {
    id: 'grade',
    header: 'Grade in this class',
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <ClassGrade row={r} />,
    meta: { numeric: true },
  }),
  column.accessor((r) => r.gradeChange ?? undefined, {
    id: 'gradeChange',
    header: 'Grade since last week',
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <GradeChange change={r.gradeChange} />,
    meta: { numeric: true },
  }),
];

const SORT_WORDS: Record<string, string> = {
  name: 'name',
  gradeLevel: 'grade level',
  flags: 'number of flags',
  risk: 'risk score',
  tierChange: 'risk tier change since last week',
  attendance: 'attendance rate',
  grade: 'grade in this class',
  gradeChange: 'grade change since last week',
};

/**
 * The section's roster, sorted in the browser (the whole class is already here): click a column's
 * header to sort by it, again to reverse. The caption says the current order.
 */
export function RosterTable({ rows, title }: { rows: SectionRosterRow[]; title: string }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  // No React Compiler memoizes this component; tanstack's table object is meant to be re-read.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.studentId,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: setSorting,
  });
  const current = sorting[0];
  const order = current
    ? `, sorted by ${SORT_WORDS[current.id] ?? current.id}, ${current.desc ? 'descending' : 'ascending'}`
    : '';
  return (
    <div className="table-scroll">
      <table className="data-table roster-table">
        <caption className="visually-hidden">{`Roster of ${title}${order}`}</caption>
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

/** The roster's flags arrive as labels (the class report prints the same words). */
function FlagLabels({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="flag-badges">
      {labels.map((label) => (
        <li key={label}>
          <span className="flag-badge">
            <span className="flag-badge-icon" aria-hidden="true">
              ⚑
            </span>
            {label}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "↑ from moderate" on screen; "Up from moderate" to a screen reader (arrows are read oddly). */
function TierChange({ row }: { row: SectionRosterRow }) {
  const { direction } = tierChange(row);
  const text = tierChangeText(row);
  if (direction !== 'up' && direction !== 'down') {
    return <span className={direction === 'same' ? undefined : 'muted'}>{text}</span>;
  }
  return (
    <span className={`tier-change tier-change-${direction}`}>
      <span aria-hidden="true">{text.slice(0, 1)}</span>
      <span className="visually-hidden">{direction === 'up' ? 'Up' : 'Down'}</span>
      {text.slice(1)}
    </span>
  );
}

/** "78.7 (C)", with "Failing" said in words under a failing grade. */
function ClassGrade({ row }: { row: SectionRosterRow }) {
  return (
    <>
      <Value text={classGradeText(row)} />
      {row.failing && <span className="cell-note mark-failing">Failing</span>}
    </>
  );
}

function GradeChange({ change }: { change: number | null }) {
  const text = gradeChangeText(change);
  const spoken = gradeChangeSpoken(change);
  if (text === null || spoken === null) return <Value text={null} />;
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{spoken}</span>
    </>
  );
}
