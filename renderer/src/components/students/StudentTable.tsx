import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type HeaderGroup,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  memo,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type {
  FlagKey,
  RiskTier,
  SortDirection,
  StudentListRow,
  StudentSortKey,
} from '../../api/types';
import { formatRiskScore } from '../../domain/risk';
import { RISK_TIER_LABELS, RISK_TIER_ORDER } from '../../domain/riskLabels';
import {
  FLAG_LABELS,
  FLAG_ORDER,
  gradeShort,
  isSortKey,
  SORT_DEFAULT_DIRECTION,
} from '../../domain/labels';
import { formatCount, formatGpa, formatPercent } from '../../format/format';
import { hrefFor } from '../../stores/routes';
import {
  blocksFor,
  blocksPending,
  rowAt,
  studentListStore,
  type StudentListWindow,
} from '../../stores/studentListStore';
import { isNumericColumn, SortableHeader } from '../common/SortableHeader';
import '../../styles/students.css';

/** On a short window the box is at least this tall (px, or the whole window if less)… */
const MIN_BOX_HEIGHT = 480;
/** Room kept below the box, to the window's bottom edge (px). */
const BOX_MARGIN = 24;

/**
 * Sizes the scroll box to reach the bottom of the window, again when the window or the content
 * above it changes size. On a short window (a 768-pixel laptop) that would leave a few rows, so
 * the box is taller and the page scrolls to it first (the wheel moves on to the page at the
 * box's top and bottom).
 */
function useFillWindowHeight(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    // The app's status bar sticks to the window's bottom edge (except on narrow screens).
    const statusBar = document.querySelector<HTMLElement>('.status-bar');
    const fit = () => {
      const top = box.getBoundingClientRect().top + window.scrollY;
      const bar =
        statusBar && getComputedStyle(statusBar).position !== 'static'
          ? statusBar.getBoundingClientRect().height
          : 0;
      const room = window.innerHeight - top - bar - BOX_MARGIN;
      const whole = window.innerHeight - bar - 2 * BOX_MARGIN;
      const height = Math.floor(Math.max(room, Math.min(whole, MIN_BOX_HEIGHT)));
      if (box.style.height !== `${height}px`) box.style.height = `${height}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    // A notice or message appearing above the box moves it down.
    const observer = new ResizeObserver(fit);
    const page = box.closest('.page');
    if (page) observer.observe(page);
    if (statusBar) observer.observe(statusBar);
    return () => {
      window.removeEventListener('resize', fit);
      observer.disconnect();
    };
  }, [ref]);
}

const noBlocks: StudentListWindow['blocks'] = {};
/** A list the store no longer holds (dropped from its cache): rows show as placeholders. */
function emptyList(key: string): StudentListWindow {
  return { key, total: null, dataAsOf: null, blocks: noBlocks, error: null };
}

/** The sticky header's height (px) before it is measured: two lines of column names. */
const HEADER_ESTIMATE = 66;

/** The height of the table's sticky header, which changes as column names wrap. */
function useHeaderHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(HEADER_ESTIMATE);
  useLayoutEffect(() => {
    const head = ref.current?.querySelector('thead');
    if (!head) return;
    const observer = new ResizeObserver(() => setHeight(Math.round(head.offsetHeight)));
    observer.observe(head);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

/**
 * Every row's height, in rem: two lines (name and student number; two lines of flags at most)
 * and padding. In rem, so a larger default font makes taller rows.
 */
const ROW_REM = 4;

function rowHeightPx(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round(ROW_REM * rem);
}
/** Rows rendered below the view, so a short scroll or Tab finds them there. */
const OVERSCAN = 4;
/** Rows rendered above the view. */
const OVERSCAN_ABOVE = 2;
/** Rows fetched beyond the view (fetching is cheaper than rendering, and slower to arrive). */
const FETCH_MARGIN = 30;
/** A scroll moving more rows than this between renders is a fling: fetching waits for a pause. */
const FLING_ROWS = 20;
/** How long a fling must pause before the rows in view are fetched (ms). */
const FLING_PAUSE_MS = 90;

const column = createColumnHelper<StudentListRow>();

const TAG = /<(\w+)>(.*?)<\/\1>/g;

/**
 * A translated phrase with marked parts ("High<hidden> risk</hidden>") as elements, like
 * react-i18next's <Trans>, but made once per table rather than once per row.
 */
function withTags(
  text: string,
  tags: Record<string, (text: string, key: number) => ReactNode>,
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(TAG)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    const [, name = '', inner = ''] = match;
    out.push(tags[name]?.(inner, match.index) ?? inner);
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * The cells of the common Value, FlagBadges and RiskCell components, with the same markup and
 * words, made without a translation hook per cell: dozens of rows mount each frame of a fast
 * scroll, and each hook would cost more than the row.
 */
function cellWords(tc: TFunction<'common'>) {
  // The label maps translate on every read; read them once here, not per row.
  const flagWords = Object.fromEntries(FLAG_ORDER.map((f) => [f, FLAG_LABELS[f]])) as Record<
    FlagKey,
    { label: string; description: string }
  >;
  const tierWords = Object.fromEntries(
    RISK_TIER_ORDER.map((tier) => [tier, RISK_TIER_LABELS[tier]]),
  ) as Record<RiskTier, { label: string; icon: string; description: string }>;
  const noData = (
    <span className="no-data">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{tc('noData')}</span>
    </span>
  );
  const none = <span className="muted">{tc('none')}</span>;
  const notScored = <span className="muted">{tc('risk.notScored')}</span>;
  const tags = {
    hidden: (text: string, key: number) => (
      <span key={key} className="visually-hidden">
        {text}
      </span>
    ),
    arrow: (text: string, key: number) => (
      <span key={key} aria-hidden="true">
        {text}
      </span>
    ),
    note: (text: string, key: number) => (
      <span key={key} className="risk-override-note">
        {text}
      </span>
    ),
  };
  const chip = (tier: RiskTier) => (
    <>{withTags(tc('risk.chip', { tier: tierWords[tier].label }), tags)}</>
  );
  const override = (tier: RiskTier) => (
    <>{withTags(tc('risk.override', { tier: tierWords[tier].label }), tags)}</>
  );
  const chips = { high: chip('high'), moderate: chip('moderate'), low: chip('low') };
  const overrides = {
    high: override('high'),
    moderate: override('moderate'),
    low: override('low'),
  };
  return {
    value: (text: string | null) => (text ? text : noData),
    flags: (flags: readonly FlagKey[]) =>
      flags.length === 0 ? (
        none
      ) : (
        <ul className="flag-badges">
          {FLAG_ORDER.filter((f) => flags.includes(f)).map((flag) => (
            <li
              key={flag}
              className="flag-badge"
              data-flag={flag}
              title={flagWords[flag].description}
            >
              {flagWords[flag].label}
            </li>
          ))}
        </ul>
      ),
    risk: (r: StudentListRow) => {
      if (!r.riskTier) return notScored;
      const { icon, description } = tierWords[r.riskTier];
      return (
        <span className="risk-cell">
          <span className={`risk-chip risk-${r.riskTier}`} title={description}>
            <span className="risk-chip-icon" aria-hidden="true">
              {icon}
            </span>
            {chips[r.riskTier]}
            {r.riskScore !== null && (
              <span className="risk-chip-score">{formatRiskScore(r.riskScore)}</span>
            )}
          </span>
          {r.overrideTier && <span className="risk-override">{overrides[r.overrideTier]}</span>}
        </span>
      );
    },
  };
}

/** Column ids are the API's sort keys, so the table's sorting state is the API's sort. */
function studentColumns(t: TFunction<'students'>, tc: TFunction<'common'>) {
  const studentNumber = t('table.studentNumber');
  const cells = cellWords(tc);
  return [
    column.accessor((r) => `${r.familyName}, ${r.givenName}`, {
      id: 'name' satisfies StudentSortKey,
      header: t('columns.name'),
      cell: ({ row: { original: r } }) => (
        <>
          <a
            className="student-link"
            href={hrefFor({ name: 'student', studentId: r.id })}
            translate="no"
            // The column may cut a long name short on screen; hovering shows it whole.
            title={`${r.familyName}, ${r.givenName}`}
          >
            {r.familyName}, {r.givenName}
          </a>
          <span className="student-number">
            <span className="visually-hidden">{studentNumber} </span>
            <span translate="no">{r.studentNumber}</span>
          </span>
        </>
      ),
    }),
    column.accessor('gradeLevel', {
      id: 'grade' satisfies StudentSortKey,
      header: t('columns.grade'),
      cell: (c) => gradeShort(c.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('attendanceRate', {
      id: 'attendance_rate' satisfies StudentSortKey,
      header: t('columns.attendance'),
      cell: (c) => cells.value(formatPercent(c.getValue())),
      meta: { numeric: true },
    }),
    column.accessor('daysAbsent', {
      id: 'days_absent' satisfies StudentSortKey,
      header: t('columns.daysAbsent'),
      cell: (c) => formatCount(c.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('gpa', {
      id: 'gpa' satisfies StudentSortKey,
      header: t('columns.gpa'),
      cell: (c) => cells.value(formatGpa(c.getValue())),
      meta: { numeric: true },
    }),
    column.accessor('failingSections', {
      id: 'failing_sections' satisfies StudentSortKey,
      header: t('columns.failingCourses'),
      cell: (c) => formatCount(c.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('incidentDays', {
      id: 'incident_days' satisfies StudentSortKey,
      header: t('columns.incidentDays'),
      cell: (c) => formatCount(c.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('flags', {
      id: 'flag_count' satisfies StudentSortKey,
      header: t('columns.flags'),
      cell: (c) => cells.flags(c.getValue()),
    }),
    column.accessor('riskScore', {
      id: 'risk' satisfies StudentSortKey,
      header: t('columns.risk'),
      cell: ({ row: { original: r } }) => cells.risk(r),
    }),
  ].map((def) => ({
    ...def,
    sortDescFirst: SORT_DEFAULT_DIRECTION[def.id as StudentSortKey] === 'desc',
  }));
}

interface StudentTableProps {
  /** The list to show: the current query's, or the previous one's while the new one loads. */
  listKey: string;
  total: number;
  sort: StudentSortKey;
  dir: SortDirection;
  caption: string;
  /** Rows of an earlier query, shown dimmed until the new query's first rows arrive. */
  previous: boolean;
  /** The current query: when it changes, the list scrolls back to its top. */
  queryKey: string;
  /** Where to start scrolled to, in pixels (returning to the list from a profile). */
  initialOffset: number;
  /** Rows `first`…`last` are on screen (with a margin): fetch what is missing. */
  onRange: (first: number, last: number) => void;
  /** The table is leaving the page, scrolled to `offset` pixels. */
  onLeave: (offset: number) => void;
  onSort: (sort: StudentSortKey, dir: SortDirection) => void;
}

/**
 * The student list as a virtualised table: a real <table> whose body is as tall as every
 * matching student, with only the rows in view (and a margin) in the page. The server sorts and
 * filters; header buttons ask for a new sort. Rows not fetched yet show as placeholders.
 *
 * For assistive tech: the table has a caption, `aria-rowcount` for the whole list and
 * `aria-rowindex` on each row; the scroll box is a labelled region that takes focus (arrow keys
 * and Page Up/Down scroll it); the row holding keyboard focus stays rendered while it is scrolled
 * away, so focus is never dropped, and Tab moves through the rows' links in order.
 */
export function StudentTable({
  listKey,
  total,
  sort,
  dir,
  caption,
  previous,
  queryKey,
  initialOffset,
  onRange,
  onLeave,
  onSort,
}: StudentTableProps) {
  const { t } = useTranslation('students');
  const { t: tc } = useTranslation('common');
  const columns = useMemo(() => studentColumns(t, tc), [t, tc]);
  // The table follows its list itself: a block arriving re-renders the table alone.
  const list = useStore(studentListStore, (s) => s.lists[listKey]) ?? emptyList(listKey);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusedIndex = useRef<number | null>(null);
  useFillWindowHeight(scrollRef);
  const headerHeight = useHeaderHeight(scrollRef);
  const [rowHeight] = useState(rowHeightPx);

  // A few rows above the view and more below it; and the focused row wherever it is, so moving
  // focus there never loses it. (Few above: Tab into the table starts near the top of the view.)
  const rangeExtractor = useCallback((range: Range) => {
    const from = Math.max(0, range.startIndex - OVERSCAN_ABOVE);
    const to = Math.min(range.count - 1, range.endIndex + OVERSCAN);
    const indexes = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
    const focused = focusedIndex.current;
    if (focused !== null && focused < range.count && !indexes.includes(focused)) {
      indexes.push(focused);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  // Its API is meant to be re-read on every render; no React Compiler memoizes this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    // Every row is the same height (ROW_REM): nothing is measured while scrolling, and the
    // scroll height, End and a restored position are exact.
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    // The body starts below the sticky header, which also covers the top of the view.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    initialOffset,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  const first = range ? Math.max(0, range.startIndex - FETCH_MARGIN) : 0;
  const last = range ? Math.min(total - 1, range.endIndex + FETCH_MARGIN) : -1;

  // Rows flying past in a fast scroll (more than a screenful a frame) are not fetched: the list
  // asks for what is in view once the scroll slows or stops.
  const reported = useRef<{ first: number; key: string } | null>(null);
  useEffect(() => {
    const report = () => {
      reported.current = { first, key: list.key };
      onRange(first, last);
    };
    const before = reported.current;
    if (!before || before.key !== list.key || Math.abs(first - before.first) <= FLING_ROWS) {
      report();
      return;
    }
    const timer = setTimeout(report, FLING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [first, last, list.key, onRange]);

  // A new sort or filter starts at the top.
  const shownQuery = useRef(queryKey);
  useEffect(() => {
    if (shownQuery.current === queryKey) return;
    shownQuery.current = queryKey;
    focusedIndex.current = null;
    virtualizer.scrollToOffset(0);
  }, [queryKey, virtualizer]);

  // Layout effect: its cleanup runs while the scroll box is still there to be read.
  useLayoutEffect(() => () => onLeave(virtualizer.scrollOffset ?? 0), [onLeave, virtualizer]);

  // Only the rows in view become table rows; tanstack renders their cells.
  const loaded: StudentListRow[] = [];
  const loadedIndexes: number[] = [];
  const position = new Map<number, number>();
  for (const item of items) {
    const row = rowAt(list, item.index);
    if (row) {
      position.set(item.index, loaded.length);
      loaded.push(row);
      loadedIndexes.push(item.index);
    }
  }

  const sorting: SortingState = [{ id: sort, desc: dir === 'desc' }];
  const table = useReactTable({
    data: loaded,
    columns,
    getCoreRowModel: getCoreRowModel(),
    // A row keeps its identity (and a focused link in it stays the same element) as the rows
    // around it come and go: its id is its place in the whole list.
    getRowId: (_row, i) => String(loadedIndexes[i]),
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
  const modelRows = table.getRowModel().rows;
  // Busy while rows in view are being fetched or refreshed (and while a new query loads).
  const busy =
    previous ||
    (range !== null &&
      range.endIndex >= range.startIndex &&
      blocksPending(list, blocksFor(range.startIndex, range.endIndex)));

  return (
    <div
      ref={scrollRef}
      className="student-grid-scroll"
      role="region"
      aria-label={t('table.region')}
      // The box scrolls: it must take focus so keyboard users can scroll it.
      tabIndex={0}
    >
      <table
        className={`data-table student-grid${previous ? ' student-grid-previous' : ''}`}
        aria-rowcount={total + 1}
        aria-busy={busy}
      >
        <caption className="visually-hidden">{caption}</caption>
        <StudentTableHead groups={table.getHeaderGroups()} sorted={`${sort} ${dir}`} />
        <tbody
          style={{ height: virtualizer.getTotalSize() }}
          onFocus={(event) => {
            const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
            focusedIndex.current = row ? Number(row.dataset.index) : null;
            // The browser scrolls a focused row into view, but may leave it under the sticky
            // header (Shift+Tab upwards): move it out from under.
            const box = scrollRef.current;
            if (row && box) {
              const hidden =
                box.getBoundingClientRect().top + headerHeight - row.getBoundingClientRect().top;
              if (hidden > 0) box.scrollTop -= hidden;
            }
          }}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
              focusedIndex.current = null;
            }
          }}
        >
          {items.map((item) => {
            const at = position.get(item.index);
            const row = at === undefined ? undefined : modelRows[at];
            const props = {
              'data-index': item.index,
              'aria-rowindex': item.index + 2,
              style: {
                height: rowHeight,
                transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
              },
            };
            return row ? (
              <tr key={item.key} {...props}>
                <StudentCells row={row} />
              </tr>
            ) : (
              <tr key={item.key} {...props} className="placeholder-row">
                <PlaceholderCells columns={columns.length} label={t('table.loadingRow')} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The header row of sort buttons. Rendered again only when the sort changes (`sorted`), not as
 * the list scrolls.
 */
const StudentTableHead = memo(function StudentTableHead({
  groups,
}: {
  groups: HeaderGroup<StudentListRow>[];
  sorted: string;
}) {
  return (
    <thead>
      {groups.map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => (
            <SortableHeader key={header.id} header={header} />
          ))}
        </tr>
      ))}
    </thead>
  );
});

/**
 * A row's cells. They depend only on the student (and the columns, fixed per language), so a
 * row that stays in view while the list scrolls is not rendered again.
 */
const StudentCells = memo(
  function StudentCells({ row }: { row: Row<StudentListRow> }) {
    return row.getVisibleCells().map((cell) =>
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
    );
  },
  (before, after) => before.row.original === after.row.original,
);

/**
 * A row whose student is still being fetched: a grey bar, and "Loading…" for screen readers.
 * One cell spans the other columns (rows stream past in a fast scroll; each must be cheap).
 */
function PlaceholderCells({ columns, label }: { columns: number; label: string }) {
  return (
    <>
      <th scope="row">
        <span className="visually-hidden">{label}</span>
        <span className="placeholder-bar" aria-hidden="true" />
      </th>
      <td colSpan={columns - 1}>
        <span className="placeholder-bar" aria-hidden="true" />
      </td>
    </>
  );
}
