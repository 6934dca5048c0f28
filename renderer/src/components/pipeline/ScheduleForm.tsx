import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../main/api/contract';
import { saveSchedule } from '../../stores/pipeline/pipelineActions';
import { toApiError } from '../../stores/request';

/** District admins choose the daily run time; others see it. */
export function ScheduleForm({ dailyAt, canSchedule }: { dailyAt: string; canSchedule: boolean }) {
  const { t } = useTranslation('pipeline');
  const [value, setValue] = useState(dailyAt);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (!canSchedule) {
    return <p className="field-hint">{t('schedule.readOnly', { time: dailyAt })}</p>;
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(null);
    setError(null);
    try {
      await saveSchedule(value);
      setSaved(t('schedule.saved', { time: value }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="schedule-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="daily-at">{t('schedule.label')}</label>
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
        {saving ? t('schedule.saving') : t('schedule.save')}
      </button>
      <p id="daily-at-help" className="field-hint">
        {t('schedule.help')}
      </p>
      <p className="field-hint" role="status">
        {saved ?? ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {t('schedule.error', { message: error.message })}
        </p>
      )}
    </form>
  );
}
