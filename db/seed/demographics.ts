import type { Insertable } from 'kysely';
import type { DemographicsTable } from '../schema';
import type { Rng } from './prng';

export type DemographicFields = Pick<
  Insertable<DemographicsTable>,
  | 'sex'
  | 'race_ethnicity'
  | 'hispanic_latino'
  | 'disability'
  | 'section_504'
  | 'english_learner'
  | 'free_reduced_lunch'
>;

/**
 * Federal seven-category reporting values with roughly the national public-school shares
 * (NCES Digest, fall 2021). Hispanic/Latino of any race reports as `hispanic_latino`.
 */
export const RACE_ETHNICITY = [
  { value: 'white', share: 0.452 },
  { value: 'hispanic_latino', share: 0.284 },
  { value: 'black', share: 0.151 },
  { value: 'asian', share: 0.054 },
  { value: 'two_or_more', share: 0.05 },
  { value: 'american_indian_alaska_native', share: 0.009 },
  { value: 'native_hawaiian_pacific_islander', share: 0.004 },
] as const;

const RACE_VALUES = RACE_ETHNICITY.map((r) => r.value);
const RACE_SHARES = RACE_ETHNICITY.map((r) => r.share);

/** English-learner rates differ sharply by group (NCES); ~10% overall. */
const EL_RATE: Record<string, number> = {
  hispanic_latino: 0.27,
  asian: 0.18,
  native_hawaiian_pacific_islander: 0.14,
  american_indian_alaska_native: 0.08,
};

/**
 * `disadvantage` is the student's economic-disadvantage latent (standard normal), which also
 * feeds the risk latent (see latent-risk.ts). FRL is its sign, so ~50% of students are FRL and
 * FRL students carry a higher average risk: the one structural correlation the fairness audit
 * should find. Sex, race/ethnicity, disability, 504 and EL are independent of risk.
 */
export function drawDemographics(rng: Rng, disadvantage: number): DemographicFields {
  const sexDraw = rng.float();
  const sex = sexDraw < 0.005 ? 'unspecified' : sexDraw < 0.49 ? 'female' : 'male';
  const race = rng.weightedPick(RACE_VALUES, RACE_SHARES);
  // IDEA eligibility is about twice as common among boys (~19% vs ~10%); 15% overall.
  const disability = rng.chance(sex === 'male' ? 0.19 : sex === 'female' ? 0.105 : 0.15);
  const section504 = !disability && rng.chance(0.035);
  const englishLearner = rng.chance(EL_RATE[race] ?? 0.025);
  return {
    sex,
    race_ethnicity: race,
    hispanic_latino: race === 'hispanic_latino' ? 1 : 0,
    disability: disability ? 1 : 0,
    section_504: section504 ? 1 : 0,
    english_learner: englishLearner ? 1 : 0,
    free_reduced_lunch: disadvantage > 0 ? 1 : 0,
  };
}
