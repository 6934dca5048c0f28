import { request } from './request';
import { createQueryStore } from './queryStore';

/** The demo staff accounts offered on the sign-in page. */
export const demoAccounts = createQueryStore(async (_: null) => {
  const { staff } = await request('auth.demoAccounts', {});
  return staff;
});
