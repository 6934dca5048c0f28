import {
  createColumnHelper,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../api/types';
import { isNew, localToday, scoreChangePoints, type CaseloadOrder } from '../../domain/caseload';
import { FLAG_LABELS, FLAG_ORDER, gradeShort } from '../../domain/labels';
import { RISK_TIER_LABELS } from '../../domain/riskLabels';
import { formatDate, formatPercent } from '../../format/format';
import { i18n } from '../../i18n';
import { hrefFor } from '../../stores/routes';
import { RiskCell } from '../common/RiskChip';
import { SortedTable } from '../common/SortedTable';
import { Value } from '../common/Value';

const column = createColumnHelper<CaseloadRow>();
const LAST = { sortUndefined: 'last' as const };

const COLUMN_IDS = [
  'name',
  'gradeLevel',
  'flags',
  'risk',
  'change',
  'attendance',
  'plans',
] as const;
type ColumnId = (typeof COLUMN_IDS)[number];
const isColumnId = (id: string): id is ColumnId => (COLUMN_IDS as readonly string[]).includes(id);

/** A column's heading, read when the header is drawn (so it follows the language). */
const heading = (id: ColumnId) => () => i18n.t(`caseload:table.columns.${id}`);

/** The order menu's choices as table sorting. */
export const ORDER_SORTING: Record<CaseloadOrder, SortingState> = {
  risk: [{ id: 'risk', desc: true }],
  change: [{ id: 'change', desc: true }],
  name: [{ id: 'name', desc: false }],
};

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
        {isNew(r) && <span className="new-badge">{i18n.t('caseload:table.newBadge')}</span>}
        <span className="student-number">
          <span className="visually-hidden">{i18n.t('caseload:table.studentNumber')} </span>
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
    cell: ({ row: { original: r } }) => <CaseloadFlags row={r} />,
  }),
  column.accessor((r) => r.riskScore ?? undefined, {
    id: 'risk',
    header: heading('risk'),
    ...LAST,
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <RiskCell row={r} />,
  }),
  column.accessor((r) => r.scoreChange ?? undefined, {
    id: 'change',
    header: heading('change'),
    ...LAST,
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => <ScoreChange row={r} />,
    meta: { numeric: true },
  }),
  column.accessor((r) => r.attendanceRate ?? undefined, {
    id: 'attendance',
    header: heading('attendance'),
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <Value text={formatPercent(r.attendanceRate)} />,
    meta: { numeric: true },
  }),
  column.accessor((r) => r.nextCheckIn ?? undefined, {
    id: 'plans',
    header: heading('plans'),
    ...LAST,
    sortDescFirst: false,
    cell: ({ row: { original: r } }) => <Plans row={r} />,
  }),
];

/**
 * The caseload, sorted in the browser (a caseload is a few hundred students): the order menu
 * above it or any column header sorts it; the caption says the current order.
 */
export function CaseloadTable({
  rows,
  sorting,
  onSortingChange,
}: {
  rows: CaseloadRow[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}) {
  const { t } = useTranslation('caseload');
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
    onSortingChange: (updater) =>
      onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
  });
  const current = sorting[0];
  const caption =
    current && isColumnId(current.id)
      ? t('table.captionSorted', {
          column: t(`table.sortWords.${current.id}`),
          direction: current.desc ? t('table.descending') : t('table.ascending'),
        })
      : t('table.caption');
  return (
    <SortedTable
      table={table}
      caption={caption}
      className="caseload-table"
      rowClassName={(r) => (isNew(r) ? 'row-new' : undefined)}
    />
  );
}

/** The raised flags, each new one marked "new" in words (not only by style). */
function CaseloadFlags({ row }: { row: CaseloadRow }) {
  const { t } = useTranslation('caseload');
  if (row.flags.length === 0) return <span className="muted">{t('table.noFlags')}</span>;
  return (
    <ul className="flag-badges">
      {FLAG_ORDER.filter((f) => row.flags.includes(f)).map((flag) => (
        <li key={flag}>
          <span className="flag-badge" data-flag={flag} title={FLAG_LABELS[flag].description}>
            <span className="flag-badge-icon" aria-hidden="true">
              ⚑
            </span>
            {FLAG_LABELS[flag].label}
            {row.newFlags.includes(flag) && (
              <span className="flag-new"> · {t('table.newFlag')}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "+12 points" with an arrow, and "up from Low" when the tier rose since the last visit. */
function ScoreChange({ row }: { row: CaseloadRow }) {
  const { t } = useTranslation('caseload');
  const points = scoreChangePoints(row.scoreChange);
  return (
    <span className="score-change">
      {points === null ? (
        <span className="muted">{t('table.noChange')}</span>
      ) : (
        <span className={points > 0 ? 'change-up' : points < 0 ? 'change-down' : undefined}>
          <span aria-hidden="true">{points > 0 ? '▲ ' : points < 0 ? '▼ ' : ''}</span>
          {t('table.points', { count: points, points: points > 0 ? `+${points}` : String(points) })}
        </span>
      )}
      {row.tierRaised && (
        <span className="tier-raised">
          {row.tierBefore
            ? t('table.tierUpFrom', { tier: RISK_TIER_LABELS[row.tierBefore].label })
            : t('table.tierNew')}
        </span>
      )}
    </span>
  );
}

/** Active plans and the next check-in ("Due Oct 6"; "Overdue since …" in words, not colour). */
function Plans({ row }: { row: CaseloadRow }) {
  const { t } = useTranslation('caseload');
  if (row.activeInterventions === 0) return <span className="muted">{t('table.noPlan')}</span>;
  return (
    <span className="plans-cell">
      {t('table.activePlans', { count: row.activeInterventions })}
      {row.nextCheckIn && (
        <span className="cell-note">
          {row.nextCheckIn < localToday()
            ? t('table.checkInOverdue', { date: formatDate(row.nextCheckIn) })
            : t('table.nextCheckIn', { date: formatDate(row.nextCheckIn) })}
        </span>
      )}
    </span>
  );
}
