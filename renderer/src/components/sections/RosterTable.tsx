import { useState } from 'react';
import {
  createColumnHelper,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
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
import { i18n } from '../../i18n';
import { hrefFor } from '../../stores/routes';
import { FlagBadges } from '../common/FlagBadge';
import { RiskCell } from '../common/RiskChip';
import { SortedTable } from '../common/SortedTable';
import { Value } from '../common/Value';

const column = createColumnHelper<SectionRosterRow>();

/** Missing values (no score, no grade yet) sort after the rest in either direction. */
const LAST = { sortUndefined: 'last' as const };

/** The roster's columns, by id: a heading each, and words for the caption's "sorted by …". */
const ROSTER_COLUMNS = {
  name: 1,
  gradeLevel: 1,
  flags: 1,
  risk: 1,
  tierChange: 1,
  attendance: 1,
  grade: 1,
  gradeChange: 1,
} as const;

type RosterColumn = keyof typeof ROSTER_COLUMNS;

function isRosterColumn(id: string): id is RosterColumn {
  return Object.hasOwn(ROSTER_COLUMNS, id);
}

/** A column's heading, read when the header is drawn (so it follows the language). */
const heading = (id: RosterColumn) => () => i18n.t(`sections:roster.columns.${id}`);

/**
 * Each column sorts on the value it shows. `sortDescFirst` puts the rows a teacher would look for
 * first on the first click: most flags, highest risk, biggest rise; lowest attendance and grade,
 * biggest drop.
 */
const columns = [
  column.accessor((r) => `${r.familyName}, ${r.givenName}`, {
    id: 'name',
    header: heading('name'),
    sortingFn: (a, b, id) => String(a.getValue(id)).localeCompare(String(b.getValue(id))),
    cell: ({ row: { original: r } }) => (
      <>
        <a
          className="student-link"
          href={hrefFor({ name: 'student', studentId: r.studentId })}
          translate="no"
        >
          {r.familyName}, {r.givenName}
        </a>
        <span className="student-number">
          <span className="visually-hidden">{i18n.t('sections:roster.studentNumber')} </span>
          <span translate="no">{r.studentNumber}</span>
        </span>
      </>
    ),
  }),
  column.accessor('gradeLevel', {
    id: 'gradeLevel',
    header: heading('gradeLevel'),
    cell: (c) => gradeShort(c.getValue()),
    meta: { numeric: true },
  }),
  column.accessor((r) => r.flags.length, {
    id: 'flags',
    header: heading('flags'),
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <FlagBadges flags={r.flags} />,
  }),
  column.accessor((r) => r.riskScore ?? undefined, {
    id: 'risk',
    header: heading('risk'),
    ...LAST,
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <RiskCell row={r} />,
  }),
  column.accessor((r) => tierChangeSteps(r), {
    id: 'tierChange',
    header: heading('tierChange'),
    ...LAST,
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <TierChange row={r} />,
  }),
  column.accessor((r) => r.attendanceRate ?? undefined, {
    id: 'attendance',
    header: heading('attendance'),
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <Value text={formatPercent(r.attendanceRate)} />,
    meta: { numeric: true },
  }),
  column.accessor((r) => r.grade ?? undefined, {
    id: 'grade',
    header: heading('grade'),
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <ClassGrade row={r} />,
    meta: { numeric: true },
  }),
  column.accessor((r) => r.gradeChange ?? undefined, {
    id: 'gradeChange',
    header: heading('gradeChange'),
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <GradeChange change={r.gradeChange} />,
    meta: { numeric: true },
  }),
];

/**
 * The section's roster, sorted in the browser (the whole class is already here): click a column's
 * header to sort by it, again to reverse. The caption says the current order.
 */
export function RosterTable({ rows, title }: { rows: SectionRosterRow[]; title: string }) {
  const { t } = useTranslation('sections');
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
  const caption = current
    ? t('roster.captionSorted', {
        title,
        column: isRosterColumn(current.id) ? t(`roster.sortWords.${current.id}`) : current.id,
        direction: current.desc ? t('roster.descending') : t('roster.ascending'),
      })
    : t('roster.caption', { title });
  return <SortedTable table={table} caption={caption} className="roster-table" />;
}

/** "↑ from moderate" on screen; "Up from moderate" to a screen reader (arrows are read oddly). */
function TierChange({ row }: { row: SectionRosterRow }) {
  const { t } = useTranslation('sections');
  const { direction } = tierChange(row);
  const text = tierChangeText(row);
  if (direction !== 'up' && direction !== 'down') {
    return <span className={direction === 'same' ? undefined : 'muted'}>{text}</span>;
  }
  return (
    <span className={`tier-change tier-change-${direction}`}>
      <span aria-hidden="true">{text.slice(0, 1)}</span>
      <span className="visually-hidden">
        {direction === 'up' ? t('tierChange.upSpoken') : t('tierChange.downSpoken')}
      </span>
      {text.slice(1)}
    </span>
  );
}

/** "78.7 (C)", with "Failing" said in words under a failing grade. */
function ClassGrade({ row }: { row: SectionRosterRow }) {
  const { t } = useTranslation('sections');
  return (
    <>
      <Value text={classGradeText(row)} />
      {row.failing && <span className="cell-note mark-failing">{t('roster.failing')}</span>}
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
