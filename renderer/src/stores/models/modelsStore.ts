import { request } from '../request';
import { createQueryStore } from '../queryStore';

/** Every model version, newest first as the core sends them, and which one is active. */
export const modelList = createQueryStore((_: null) => request('models.list', {}), {
  keepPrevious: true,
});

/** One version in full: metrics, baselines, subgroups, calibration, features, card. */
export const modelDetail = createQueryStore((modelId: string) =>
  request('models.get', { modelId }),
);
