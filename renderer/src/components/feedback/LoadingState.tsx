/** A placeholder while data loads: says what is loading, marked busy for assistive tech. */
export function LoadingState({ what, lines = 3 }: { what: string; lines?: number }) {
  return (
    <div className="loading-state" role="status" aria-live="polite" aria-busy="true">
      <p className="loading-text">
        <span className="spinner" aria-hidden="true" />
        Loading {what}…
      </p>
      <div className="skeleton" aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="skeleton-line" />
        ))}
      </div>
    </div>
  );
}
