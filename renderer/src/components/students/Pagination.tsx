import { formatCount } from '../../format/format';

interface PaginationProps {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** "Students 51–100 of 612" with Previous / Next. */
export function Pagination({ page, pageSize, total, onPage }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Student list pages">
      <p className="pagination-status">
        Students {formatCount(first)}–{formatCount(last)} of {formatCount(total)} · page{' '}
        {formatCount(page)} of {formatCount(pageCount)}
      </p>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          <span aria-hidden="true">← </span>Previous page
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={page >= pageCount}
          onClick={() => onPage(page + 1)}
        >
          Next page<span aria-hidden="true"> →</span>
        </button>
      </div>
    </nav>
  );
}
