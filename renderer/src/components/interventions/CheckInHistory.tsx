import type { InterventionView } from '../../api/types';
import { PROGRESS_LABELS } from '../../domain/interventionLabels';
import { formatDate, plural } from '../../format/format';

/**
 * The check-ins the reader may see, newest first. Private ones say so; those the reader may not
 * see are counted, so the history does not look complete when it is not.
 */
export function CheckInHistory({ intervention }: { intervention: InterventionView }) {
  const { checkins, hiddenPrivateNotes } = intervention;
  return (
    <div className="checkin-history">
      <h4 className="checkin-title">Check-ins</h4>
      {checkins.length === 0 ? (
        <p className="muted">
          {hiddenPrivateNotes > 0 ? 'No check-ins you can read.' : 'No check-ins yet.'}
        </p>
      ) : (
        <ol className="checkin-list">
          {checkins.map((c) => (
            <li key={c.id} className="checkin">
              <p className="checkin-head">
                <span className="checkin-date">{formatDate(c.date)}</span>
                <span className={`progress-label progress-${c.progress}`}>
                  <span aria-hidden="true">{PROGRESS_LABELS[c.progress].icon} </span>
                  {PROGRESS_LABELS[c.progress].label}
                </span>
                {c.private && <span className="private-badge">Private</span>}
              </p>
              <p className="checkin-note">{c.note}</p>
              <p className="cell-note">By {c.authorName}</p>
            </li>
          ))}
        </ol>
      )}
      {hiddenPrivateNotes > 0 && (
        <p className="hidden-notes">
          {plural(hiddenPrivateNotes, 'private note')} hidden: only their authors and counselors can
          read them.
        </p>
      )}
    </div>
  );
}
