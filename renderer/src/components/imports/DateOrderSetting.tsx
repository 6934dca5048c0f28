import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('imports');
  const { state } = useQuery(dateOrder, null);
  const mayChange = canChangeImportSettings(useSession().staff?.role);
  const current = dataOf(state);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const change = async (order: DateOrder) => {
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await saveDateOrder(order);
      setSaved(true);
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
        <label htmlFor="date-order">{t('dateOrder.label')}</label>
        <select
          id="date-order"
          value={current ?? ''}
          disabled={!current || saving || !mayChange}
          aria-describedby="date-order-help"
          onChange={(e) => void change(e.target.value as DateOrder)}
        >
          {!current && <option value="">{t('dateOrder.loading')}</option>}
          {DATE_ORDERS.map((order) => (
            <option key={order} value={order}>
              {DATE_ORDER_LABELS[order]}
            </option>
          ))}
        </select>
      </div>
      <p id="date-order-help" className="field-hint">
        {mayChange ? t('dateOrder.help') : t('dateOrder.helpReadOnly')}
      </p>
      <p className="field-hint" role="status">
        {saving ? t('dateOrder.saving') : saved ? t('dateOrder.saved') : ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {t('dateOrder.failed', { message: error.message })}
        </p>
      )}
    </div>
  );
}
