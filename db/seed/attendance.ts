import type { AttendanceCategory, DisciplineAction } from '../schema';
import { weekIndex, weekday, type SchoolCalendar } from './calendar';
import type { SchoolKind } from './district-plan';
import { attendanceRisk, behaviourRisk, riskAt } from './latent-risk';
import { ATTENDANCE, BEHAVIOUR, ENROLLMENT } from './parameters';
import { clamp, sigmoid, type Rng } from './prng';
import type { StudentProfile } from './students';

/** What a student's school day was, indexed by `day - calendar.first`. */
export const DAY = { none: 0, present: 1, excused: 2, unexcused: 3, suspended: 4 } as const;

export type ExitReason = 'transfer' | 'dropout' | 'expelled';

export interface AttendanceEventDraft {
  day: number;
  category: AttendanceCategory;
  minutes: number | null;
}

export interface IncidentDraft {
  day: number;
  behaviour: string;
  action: DisciplineAction;
  daysRemoved: number;
}

export interface SchoolDays {
  status: Uint8Array;
  events: AttendanceEventDraft[];
  incidents: IncidentDraft[];
  /** Last day enrolled (inclusive), or null if still enrolled on the last day. */
  exitDay: number | null;
  exitReason: ExitReason | null;
}

/** Many districts withdraw a student after this many consecutive unexcused absences. */
const DROPOUT_FADE_DAYS = 10;

/**
 * Walks the school days from the student's entry: absence spells, tardies, early departures,
 * discipline incidents (and the suspensions they cause), and withdrawal. Dropouts fade out
 * through ten straight unexcused absences before being withdrawn, as a school's rule would
 * record them, so the decline is visible in the data before the exit.
 */
export function simulateSchoolDays(
  profile: StudentProfile,
  calendar: SchoolCalendar,
  kind: SchoolKind,
): SchoolDays {
  const { rng, latent, grade } = profile;
  const days = calendar.instructionalDays;
  const status = new Uint8Array(calendar.last - calendar.first + 1);
  const events: AttendanceEventDraft[] = [];
  const incidents: IncidentDraft[] = [];
  let exitDay: number | null = null;
  let exitReason: ExitReason | null = null;

  let spellLeft = 0;
  let spellCategory: AttendanceCategory = 'excused_absence';
  let suspendedLeft = 0;
  let fadeLeft = 0;
  let lastWeek = -1;
  const dropout = ENROLLMENT.dropout;
  const dropoutOffset =
    kind === 'high' ? dropout.intercept + (dropout.gradeOffset[grade] ?? 0) : -Infinity;
  const tardyBase =
    ATTENDANCE.tardy.intercept + (kind === 'high' ? ATTENDANCE.tardy.highSchool : 0);
  const incidentBase = BEHAVIOUR.intercept + (kind === 'middle' ? BEHAVIOUR.middleSchool : 0);

  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (day < profile.entryDay) continue;
    const offset = day - calendar.first;
    const week = weekIndex(calendar, day);
    let leavesToday = false;

    if (week !== lastWeek && fadeLeft === 0) {
      lastWeek = week;
      if (rng.chance(ENROLLMENT.transferWeeklyHazard)) {
        leavesToday = true;
        exitReason = 'transfer';
      } else if (rng.chance(sigmoid(dropoutOffset + dropout.slope * riskAt(latent, week)))) {
        fadeLeft = DROPOUT_FADE_DAYS;
      }
    }

    if (suspendedLeft > 0) {
      suspendedLeft--;
      status[offset] = DAY.suspended;
      // Out-of-school suspension days are absences for chronic-absence counts (ED guidance).
      events.push({ day, category: 'excused_absence', minutes: null });
      continue;
    }
    if (fadeLeft > 0) {
      fadeLeft--;
      status[offset] = DAY.unexcused;
      events.push({ day, category: 'unexcused_absence', minutes: null });
      if (fadeLeft === 0) {
        exitDay = day;
        exitReason = 'dropout';
        break;
      }
      continue;
    }

    const a = attendanceRisk(latent, week);
    if (spellLeft === 0) {
      const wd = weekday(day);
      const prev = days[i - 1];
      const next = days[i + 1];
      const besideBreak =
        (prev !== undefined && day - prev > 3) || (next !== undefined && next - day > 3);
      const logit =
        ATTENDANCE.spellIntercept +
        ATTENDANCE.spellSlope * a +
        (wd === 1 ? ATTENDANCE.monday : wd === 5 ? ATTENDANCE.friday : 0) +
        (besideBreak ? ATTENDANCE.besideBreak : 0);
      if (rng.chance(sigmoid(logit))) {
        spellLeft = rng.weightedPick(ATTENDANCE.spellLengths, ATTENDANCE.spellWeights);
        const excused = rng.chance(
          sigmoid(ATTENDANCE.excused.intercept - ATTENDANCE.excused.slope * a),
        );
        spellCategory = excused ? 'excused_absence' : 'unexcused_absence';
      }
    }
    if (spellLeft > 0) {
      spellLeft--;
      status[offset] = spellCategory === 'excused_absence' ? DAY.excused : DAY.unexcused;
      events.push({ day, category: spellCategory, minutes: null });
    } else {
      status[offset] = DAY.present;
      if (rng.chance(sigmoid(tardyBase + ATTENDANCE.tardy.slope * a))) {
        events.push({
          day,
          category: 'tardy',
          minutes: Math.round(clamp(Math.exp(rng.normal(2.2, 0.6)), 1, 45)),
        });
      }
      const ed = ATTENDANCE.earlyDeparture;
      if (rng.chance(sigmoid(ed.intercept + ed.slope * a))) {
        events.push({ day, category: 'early_departure', minutes: 5 * rng.int(6, 48) });
      }
      const incidentChance = Math.exp(incidentBase + BEHAVIOUR.slope * behaviourRisk(latent, week));
      if (rng.chance(Math.min(incidentChance, 0.5))) {
        const incident = drawIncident(rng, day, days.length - i - 1);
        incidents.push(incident);
        if (incident.action === 'out_of_school_suspension') suspendedLeft = incident.daysRemoved;
        if (incident.action === 'expulsion') {
          exitDay = day;
          exitReason = 'expelled';
          break;
        }
      }
    }

    if (leavesToday) {
      exitDay = day;
      break;
    }
  }
  if (exitDay === null) exitReason = null;
  return { status, events, incidents, exitDay, exitReason };
}

function drawIncident(rng: Rng, day: number, schoolDaysLeft: number): IncidentDraft {
  const severity = rng.weightedPick(
    BEHAVIOUR.severities,
    BEHAVIOUR.severities.map((s) => s.share),
  );
  const behaviour = rng.pick(severity.behaviours);
  const actions = Object.entries(severity.actions) as [DisciplineAction, number][];
  const action = rng.weightedPick(
    actions.map(([a]) => a),
    actions.map(([, w]) => w),
  );
  let daysRemoved = 0;
  if (action === 'in_school_suspension') {
    const d = BEHAVIOUR.inSchoolSuspensionDays;
    daysRemoved = rng.weightedPick(d.values, d.weights);
  } else if (action === 'out_of_school_suspension') {
    const d = BEHAVIOUR.outOfSchoolSuspensionDays;
    daysRemoved = Math.min(rng.weightedPick(d.values, d.weights), schoolDaysLeft);
  } else if (action === 'expulsion') {
    daysRemoved = Math.min(BEHAVIOUR.expulsionMaxDays, schoolDaysLeft);
  }
  return { day, behaviour, action, daysRemoved };
}
