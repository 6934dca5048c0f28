/**
 * Every tunable of the generative story in one place, so README.md can cite them and a change
 * to a base rate is a one-line edit here. Latent quantities are in standard-deviation units of
 * the stable student latent; "logit" parameters feed a logistic function.
 */

export const LATENT = {
  /** Correlation between the economic-disadvantage latent (→ FRL) and stable risk. */
  disadvantageCorrelation: 0.25,
  /**
   * School climate: one draw per school, shared by its students, then centred on the district
   * mean so schools differ while district-wide base rates stay put from seed to seed.
   */
  schoolEffectSd: 0.1,
  /** Older students are absent more and drop out; a mild 9th-grade transition bump. */
  gradeEffect: { 6: -0.15, 7: -0.05, 8: 0.05, 9: 0.1, 10: 0.05, 11: 0.1, 12: 0.2 } as Record<
    number,
    number
  >,
  /** Weekly AR(1) drift around the stable latent: w[t] = phi * w[t-1] + N(0, innovationSd). */
  drift: { phi: 0.95, innovationSd: 0.22, initialSd: 0.4 },
  /** A life event: a sudden jump in risk that then decays through the AR(1) (half-life ~13 weeks). */
  declineShock: { weeklyProbability: 0.003, mean: 1.4, sd: 0.4 },
  /** Support that works: students well above their usual level sometimes bounce back. */
  recoveryShock: { weeklyProbability: 0.03, threshold: 1.0, mean: 0.7, sd: 0.2 },
  /** Each domain = common weekly risk + a stable student-specific offset with this sd. */
  domainSd: { attendance: 0.6, behaviour: 0.8, academic: 0.45, engagement: 0.8 },
  /**
   * How strongly each domain follows the common weekly risk. Attendance is the most direct
   * read of it; grades and LMS use also reflect skills and habits the common risk does not.
   */
  loadings: { attendance: 1, behaviour: 0.9, academic: 0.8, engagement: 0.6 },
} as const;

export const ENROLLMENT = {
  /** Share of students who transfer in after the first day. */
  lateEntrantShare: 0.04,
  lateEntryWindow: { from: '2025-08-25', to: '2026-04-24' },
  /** Weekly hazard of moving away, unrelated to risk (~1–1.5% over the year). */
  transferWeeklyHazard: 0.0004,
  /** High-school dropout: weekly hazard = sigmoid(intercept + slope * risk + grade offset). */
  dropout: {
    intercept: -8.6,
    slope: 1.3,
    gradeOffset: { 9: -0.8, 10: -0.3, 11: 0, 12: 0.1 } as Record<number, number>,
  },
} as const;

export const ATTENDANCE = {
  /** Logit of starting an absence spell on a school day, before day-of-week effects. */
  spellIntercept: -4.1,
  spellSlope: 0.95,
  monday: 0.12,
  friday: 0.25,
  /** The school day right before or after a break of 3+ days. */
  besideBreak: 0.35,
  /** Spell length in school days (mean ~1.7): illness and family trips cluster. */
  spellLengths: [1, 2, 3, 4, 5],
  spellWeights: [0.58, 0.24, 0.1, 0.05, 0.03],
  /** P(spell excused) = sigmoid(intercept - slope * attendance risk). */
  excused: { intercept: 0.9, slope: 0.8 },
  tardy: { intercept: -3.9, slope: 0.8, highSchool: 0.3 },
  earlyDeparture: { intercept: -5.0, slope: 0.4 },
} as const;

export const BEHAVIOUR = {
  /** Daily incident probability = exp(intercept + slope * behaviour risk (+ middle school)). */
  intercept: -7.4,
  slope: 0.95,
  middleSchool: 0.35,
  /** Behaviours by severity with the share of incidents at each severity. */
  severities: [
    {
      share: 0.68,
      behaviours: [
        'classroom_disruption',
        'defiance',
        'inappropriate_language',
        'electronic_device',
        'skipping_class',
        'dress_code',
      ],
      actions: { referral: 0.55, detention: 0.4, in_school_suspension: 0.05 },
    },
    {
      share: 0.22,
      behaviours: ['disrespect', 'harassment', 'bullying', 'theft', 'vandalism'],
      actions: { detention: 0.3, in_school_suspension: 0.45, out_of_school_suspension: 0.25 },
    },
    {
      share: 0.1,
      behaviours: ['fighting', 'physical_aggression', 'substance_possession', 'weapon_possession'],
      actions: { in_school_suspension: 0.2, out_of_school_suspension: 0.79, expulsion: 0.01 },
    },
  ],
  inSchoolSuspensionDays: { values: [1, 2, 3], weights: [0.6, 0.25, 0.15] },
  outOfSchoolSuspensionDays: { values: [1, 2, 3, 5, 10], weights: [0.3, 0.25, 0.2, 0.18, 0.07] },
  /** Expulsion removes the student for the rest of the year, up to this many school days. */
  expulsionMaxDays: 90,
} as const;

export const COURSEWORK = {
  /** ~1 graded assignment per section every two weeks: one every 10 school days. */
  assignmentEveryDays: 10,
  /** Expected score fraction = intercept + slope * academic risk (clamped, plus noise). */
  mastery: { intercept: 0.92, slope: -0.065 },
  scoreNoiseSd: 0.1,
  /** Teacher grading leniency per section (score fraction). */
  sectionLeniencySd: 0.04,
  /** A student's fit with one course (latent units): lets a student fail only one subject. */
  courseAffinitySd: 0.45,
  /** A student's academic shift for a whole semester (latent units). */
  semesterShiftSd: 0.8,
  /** Logits; being absent on the due date makes missing/late more likely. */
  missing: { intercept: -3.8, slope: 1.0, absent: 0.8 },
  late: { intercept: -2.4, slope: 0.5, absent: 1.5 },
  /** Chance a teacher excuses an assignment due on a day of excused absence. */
  excusedWhenAbsent: 0.35,
  latePenalty: 0.1,
  /** Quarter grade = 55% gradebook + 45% assessments (tests not modelled item by item). */
  gradebookWeight: 0.55,
  assessmentNoiseSd: 0.07,
  /** Semester final = 40% + 40% quarter grades + 20% final exam. */
  examWeight: 0.2,
  examNoiseSd: 0.08,
} as const;

export const LMS = {
  /** P(active on a school day) = sigmoid(intercept - slope * engagement risk). */
  activeIntercept: -0.7,
  activeSlope: 0.6,
  /** Multipliers for days absent and for weekends/holidays inside a semester. */
  absentFactor: 0.3,
  offDayFactor: 0.1,
  /** Sessions = 1 + Poisson(mean); minutes per session are log-normal (median ~13 min). */
  extraSessionsMean: 0.9,
  minutesLogMean: 2.6,
  minutesLogSd: 0.55,
} as const;
