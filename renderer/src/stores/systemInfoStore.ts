import { request } from './request';
import { createQueryStore } from './queryStore';

/** The district's name and data date, for the header's "Data as of" line. */
export const systemInfo = createQueryStore((_: null) => request('system.info', {}));
