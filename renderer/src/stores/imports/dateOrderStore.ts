import type { DateOrder } from '../../api/types';
import { request } from '../request';
import { createQueryStore } from '../queryStore';

/** How the school writes numeric dates (a district-wide import setting). */
export const dateOrder = createQueryStore(
  async (_: null) => (await request('imports.settings', {})).dateOrder,
);

/** Saves a new date order; the caller previews the files again, since dates now read differently. */
export async function saveDateOrder(order: DateOrder): Promise<void> {
  const saved = await request('imports.settings', { dateOrder: order });
  dateOrder.store.setState({
    key: JSON.stringify(null),
    state: { status: 'ready', data: saved.dateOrder },
    stale: false,
  });
}
