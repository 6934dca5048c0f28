import { useState } from 'react';
import type { ApiError } from '../../../../main/api/contract';
import type { DateOrder } from '../../api/types';
import { DATE_ORDERS, DATE_ORDER_LABELS } from '../../domain/jobLabels';
import { canChangeImportSettings } from '../../domain/permissions';
import { useQuery } from '../../hooks/useQuery';
import { useSession } from '../../hooks/useSession';
import { dataOf } from '../../stores/asyncState';
import { dateOrder, saveDateOrder } from '../../stores/imports/dateOrderStore';
import { toApiError } from '../../stores/request';

/**
 * How the school writes numeric dates. Changing it is saved for every later import, and the
 * files on screen are checked again (`onChanged`), since their dates now read differently.
 */
export function DateOrderSetting({ onChanged }: { onChanged: () => void }) {
  const { state } = useQuery(dateOrder, null);
  const mayChange = canChangeImportSettings(useSession().staff?.role);
  const current = dataOf(state);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const change = async (order: DateOrder) => {
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      await saveDateOrder(order);
      setSaved('Saved. The files below are being checked again with this date order.');
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="card date-order">
      <div className="field">
        <label htmlFor="date-order">How does your school write dates such as 03/04/2025?</label>
        <select
          id="date-order"
          value={current ?? ''}
          disabled={!current || saving || !mayChange}
          aria-describedby="date-order-help"
          onChange={(e) => void change(e.target.value as DateOrder)}
        >
          {!current && <option value="">Loading…</option>}
          {DATE_ORDERS.map((order) => (
            <option key={order} value={order}>
              {DATE_ORDER_LABELS[order]}
            </option>
          ))}
        </select>
      </div>
      <p id="date-order-help" className="field-hint">
        Used for every import in the district
        {mayChange ? '' : ', and set by your district administrator'}. Dates written as 2025-03-04
        or “March 4, 2025” are read the same whatever this says.
      </p>
      <p className="field-hint" role="status">
        {saving ? 'Saving…' : (saved ?? '')}
      </p>
      {error && (
        <p className="field-error" role="alert">
          The date order could not be changed: {error.message}
        </p>
      )}
    </div>
  );
}
