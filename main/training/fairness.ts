/**
 * The groups a model is audited over, and how their differences are summarised. Protected
 * attributes come from `demographics` and are only ever used here, to compare error rates:
 * they are never model inputs (DOMAIN.md "Risk scores that staff trust"). The metrics
 * themselves are computed in metrics.ts; this file only names the groups and finds the gaps.
 */
import type { Demographics } from '../../db/schema';
import type { GroupMetrics, SubgroupMetrics } from './metrics';

export const SUBGROUP_ATTRIBUTES = [
  'sex',
  'race_ethnicity',
  'free_reduced_lunch',
  'disability',
  'english_learner',
  'section_504',
] as const;
export type SubgroupAttribute = (typeof SUBGROUP_ATTRIBUTES)[number];

/** One example's group under each audited attribute, e.g. `{ free_reduced_lunch: 'FRL', … }`. */
export type Subgroups = Readonly<Record<SubgroupAttribute, string>>;

/** Below this many students a group's rates swing on one or two students: shown, not judged. */
export const MIN_GROUP_SIZE = 20;

export const NOT_RECORDED = 'not recorded';

const RACE_ETHNICITY: Readonly<Record<string, string>> = {
  american_indian_alaska_native: 'American Indian or Alaska Native',
  asian: 'Asian',
  black: 'Black',
  hispanic_latino: 'Hispanic or Latino',
  native_hawaiian_pacific_islander: 'Native Hawaiian or Pacific Islander',
  two_or_more: 'Two or more races',
  white: 'White',
};

const SEX: Readonly<Record<string, string>> = {
  female: 'female',
  male: 'male',
  unspecified: 'sex not specified',
};

function yesNo(value: 0 | 1 | null, yes: string, no: string): string {
  return value === null ? NOT_RECORDED : value === 1 ? yes : no;
}

export type DemographicsFields = Pick<
  Demographics,
  'sex' | 'race_ethnicity' | 'disability' | 'section_504' | 'english_learner' | 'free_reduced_lunch'
>;

const UNRECORDED: Subgroups = Object.freeze(
  Object.fromEntries(SUBGROUP_ATTRIBUTES.map((a) => [a, NOT_RECORDED])) as Record<
    SubgroupAttribute,
    string
  >,
);

/**
 * The group labels a report shows. A student without a demographics row, or with a value not
 * recorded, is in the "not recorded" group: leaving them out would hide how the model does for
 * the students a district knows least about.
 */
export function subgroupsOf(row: DemographicsFields | undefined): Subgroups {
  if (!row) return UNRECORDED;
  return {
    sex: SEX[row.sex] ?? row.sex,
    race_ethnicity:
      row.race_ethnicity === null
        ? NOT_RECORDED
        : (RACE_ETHNICITY[row.race_ethnicity] ?? row.race_ethnicity),
    free_reduced_lunch: yesNo(row.free_reduced_lunch, 'FRL', 'not FRL'),
    disability: yesNo(row.disability, 'disability (IDEA)', 'no disability'),
    english_learner: yesNo(row.english_learner, 'English learner', 'not English learner'),
    section_504: yesNo(row.section_504, 'Section 504', 'not Section 504'),
  };
}

/** Example indexes per attribute and group, in first-seen order of the groups. */
export function groupIndexes(
  subgroups: readonly Readonly<Record<string, string>>[],
): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  subgroups.forEach((groups, i) => {
    for (const [attribute, group] of Object.entries(groups)) {
      let byGroup = out.get(attribute);
      if (!byGroup) out.set(attribute, (byGroup = new Map()));
      let indexes = byGroup.get(group);
      if (!indexes) byGroup.set(group, (indexes = []));
      indexes.push(i);
    }
  });
  return out;
}

/** The per-group numbers whose spread across groups a fairness audit looks at. */
export const GAP_METRICS = [
  'falseNegativeRate',
  'falsePositiveRate',
  'precision',
  'recall',
  'flaggedShare',
  'auc',
  'calibrationError',
] as const satisfies readonly (keyof GroupMetrics)[];
export type GapMetric = (typeof GAP_METRICS)[number];

export interface SubgroupGap {
  attribute: string;
  metric: GapMetric;
  highest: { group: string; value: number };
  lowest: { group: string; value: number };
  /** highest − lowest. */
  gap: number;
}

/**
 * For each attribute and metric, the widest difference between two groups large enough to
 * judge (a group marked `tooSmall`, or with the metric undefined, is left out). An attribute
 * with fewer than two such groups has no gap to report.
 */
export function largestGaps(subgroups: readonly SubgroupMetrics[]): SubgroupGap[] {
  const attributes = [...new Set(subgroups.map((s) => s.attribute))];
  const gaps: SubgroupGap[] = [];
  for (const attribute of attributes) {
    const judged = subgroups.filter((s) => s.attribute === attribute && !s.tooSmall);
    for (const metric of GAP_METRICS) {
      let highest: { group: string; value: number } | null = null;
      let lowest: { group: string; value: number } | null = null;
      let groups = 0;
      for (const s of judged) {
        const value = s[metric];
        if (value === null) continue;
        groups++;
        if (!highest || value > highest.value) highest = { group: s.group, value };
        if (!lowest || value < lowest.value) lowest = { group: s.group, value };
      }
      if (groups >= 2 && highest && lowest) {
        gaps.push({ attribute, metric, highest, lowest, gap: highest.value - lowest.value });
      }
    }
  }
  return gaps;
}
