import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../main/api/contract';
import { saveSchedule } from '../../stores/pipeline/pipelineActions';
import { toApiError } from '../../stores/request';

/** District admins choose the daily run time; others see it. */
export function ScheduleForm({ dailyAt, canSchedule }: { dailyAt: string; canSchedule: boolean }) {
  const [value, setValue] = useState(dailyAt);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (!canSchedule) {
    return (
      <p className="field-hint">
        The pipeline runs every day at {dailyAt}. The district office sets this time.
      </p>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(null);
    setError(null);
    try {
      await saveSchedule(value);
      setSaved(`Saved: the pipeline now runs every day at ${value}.`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="schedule-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="daily-at">Run every day at</label>
        <input
          id="daily-at"
          type="time"
          required
          value={value}
          aria-describedby="daily-at-help"
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button-secondary"
        disabled={saving || value === dailyAt}
      >
        {saving ? 'Saving…' : 'Save time'}
      </button>
      <p id="daily-at-help" className="field-hint">
        Uses this computer’s clock. If Sightline was closed at that time, it catches up when it next
        opens.
      </p>
      <p className="field-hint" role="status">
        {saved ?? ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          The time could not be saved: {error.message}
        </p>
      )}
    </form>
  );
}
