/**
 * Tiers by flag rate, as districts set them (DOMAIN.md): the top `high` share of students by
 * score are high risk, the next ones down to the top `moderate` share are moderate, the rest
 * low. Cut points come from the week's own scores, so a tier means "among the most at risk in
 * the district now", whatever the model's calibration.
 */
import type SQLite from 'better-sqlite3';
import type { RiskTier } from '../../db/schema';
import { DEFAULT_FLAG_RATE } from '../training/metrics';

export interface TierRates {
  /** Share of students flagged high (default 10%). */
  high: number;
  /** Share flagged moderate or high (default 25%). */
  moderate: number;
}

export interface TierCuts {
  high: number;
  moderate: number;
}

export const DEFAULT_TIER_RATES: TierRates = { high: DEFAULT_FLAG_RATE, moderate: 0.25 };

function setting(sqlite: SQLite.Database, key: string): unknown {
  const row = sqlite.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
  return row === undefined ? undefined : (JSON.parse(row) as unknown);
}

export function loadTierRates(sqlite: SQLite.Database): TierRates {
  const high = setting(sqlite, 'risk.flagRate');
  const moderate = setting(sqlite, 'risk.moderateRate');
  const h = typeof high === 'number' && high > 0 && high < 1 ? high : DEFAULT_TIER_RATES.high;
  const m =
    typeof moderate === 'number' && moderate >= h && moderate < 1
      ? moderate
      : Math.max(h, DEFAULT_TIER_RATES.moderate);
  return { high: h, moderate: m };
}

/** The lowest score in each tier; students tied at a cut share its tier. */
export function tierCuts(scores: readonly number[], rates: TierRates): TierCuts {
  const sorted = [...scores].sort((a, b) => b - a);
  const at = (rate: number) => {
    const count = Math.round(rate * sorted.length);
    return count === 0 ? Infinity : sorted[count - 1]!;
  };
  return { high: at(rates.high), moderate: at(rates.moderate) };
}

export function tierOf(score: number, cuts: TierCuts): RiskTier {
  return score >= cuts.high ? 'high' : score >= cuts.moderate ? 'moderate' : 'low';
}
