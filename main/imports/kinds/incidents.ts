import type { DisciplineAction } from '../../../db/schema';
import { fromUpsert, type RowImporter } from '../importer';
import { pick } from '../mapping';
import { prepareSyncedUpsert, type Identity } from '../write/synced-upsert';
import {
  STUDENT_FIELD,
  badDate,
  codeKey,
  dateReader,
  descriptorValue,
  parseNumber,
  unknownStudent,
  shown,
} from './common';

/** Exact action codes and words (normalized by codeKey), Ed-Fi descriptors included. */
const ACTION_WORDS: Record<string, DisciplineAction> = {
  none: 'none',
  noaction: 'none',
  na: 'none',
  warning: 'none',
  verbalwarning: 'none',
  writtenwarning: 'none',
  conference: 'none',
  studentconference: 'none',
  parentcontact: 'none',
  parentconference: 'none',
  counseling: 'none',
  lossofprivileges: 'none',
  other: 'none',
  referral: 'referral',
  officereferral: 'referral',
  odr: 'referral',
  ref: 'referral',
  referraltocounselor: 'referral',
  referraltoadministrator: 'referral',
  removalfromclassroom: 'referral',
  detention: 'detention',
  det: 'detention',
  lunchdetention: 'detention',
  afterschooldetention: 'detention',
  saturdayschool: 'detention',
  iss: 'in_school_suspension',
  insch: 'in_school_suspension',
  oss: 'out_of_school_suspension',
  susp: 'out_of_school_suspension',
  suspension: 'out_of_school_suspension',
  suspended: 'out_of_school_suspension',
  exp: 'expulsion',
  expelled: 'expulsion',
  expulsion: 'expulsion',
};

/**
 * Reads an action as written by SIS exports: a code (ISS, OSS), a word, a phrase
 * ("In-School Suspension", "Out of School Suspension - 3 days", "Expulsion with services"),
 * or an Ed-Fi descriptor. Null when it is none of those, so the row is quarantined rather than
 * guessed at.
 */
export function disciplineAction(text: string): DisciplineAction | null {
  const key = codeKey(text);
  const exact = ACTION_WORDS[key];
  if (exact) return exact;
  // A bus suspension keeps the student in school: it is not a removal from instruction.
  if (key.includes('bus')) return 'none';
  if (key.includes('expul') || key.includes('expel')) return 'expulsion';
  if (key.includes('inschool') || key.startsWith('iss')) return 'in_school_suspension';
  if (key.includes('outofschool') || key.startsWith('oss') || key.includes('suspension')) {
    return 'out_of_school_suspension';
  }
  if (key.includes('detention')) return 'detention';
  if (key.includes('referral')) return 'referral';
  return null;
}

/** Matches the unique index discipline_identity (db/migrations/0002_imports.ts). */
const INCIDENT_IDENTITY: Identity = {
  conflict: '(student_id, date, behavior, action, source_system)',
  where: 'student_id = ? AND date = ? AND behavior = ? AND action = ? AND source_system = ?',
  args: (row, sourceSystem) => [
    row.values.student_id!,
    row.values.date!,
    row.values.behavior!,
    row.values.action!,
    sourceSystem,
  ],
};

export const incidentsImporter: RowImporter = {
  kind: 'incidents',
  title: 'Discipline incidents',
  fileNameHints: ['incident', 'discipline', 'behavior', 'behaviour', 'referral', 'conduct'],
  defaultSourceSystem: 'sis',
  fields: [
    STUDENT_FIELD,
    {
      key: 'date',
      label: 'Incident date',
      required: true,
      aliases: [
        'incident date',
        'incidentdate',
        'event date',
        'behavior date',
        'date of incident',
        'date',
      ],
    },
    {
      key: 'behavior',
      label: 'Behavior',
      required: true,
      aliases: [
        'behavior',
        'behaviour',
        'behavior code',
        'behavior description',
        'behaviordescriptor',
        'behavior type',
        'incident type',
        'offense',
        'offence',
        'infraction',
        'violation',
        'event code',
        'event',
        'incident',
      ],
      help: 'What happened, e.g. Fighting, Disruption, Tardiness.',
    },
    {
      key: 'action',
      label: 'Action taken',
      required: false,
      aliases: [
        'action',
        'action code',
        'action taken',
        'disciplineaction',
        'discipline action',
        'disciplinedescriptor',
        'consequence',
        'resolution',
        'resolution code',
        'resolution name',
        'response',
      ],
      help: 'ISS, OSS, expulsion, referral, detention, or none. Unmapped: none.',
    },
    {
      key: 'days',
      label: 'Days removed',
      required: false,
      aliases: [
        'days removed',
        'days',
        'days suspended',
        'suspension days',
        'number of days',
        'duration',
        'duration days',
        'actualdisciplineactionlength',
        'disciplineactionlength',
        'resolution days',
      ],
      help: 'School days the student was kept out of class (0.5 for half a day).',
    },
  ],
  open(ctx) {
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'discipline_incidents',
      ['student_id', 'date', 'behavior', 'action', 'days_removed'],
      ctx.sourceSystem,
      ctx.now,
      INCIDENT_IDENTITY,
    );
    const readDate = dateReader(ctx.dateOrder);
    return (values, mapping) => {
      const studentKey = pick(values, mapping, 'student');
      const student = ctx.lookups.student(studentKey);
      if (!student) return { reason: unknownStudent(studentKey, ctx) };
      const dateText = pick(values, mapping, 'date');
      const date = readDate(dateText);
      if (!date) return { reason: badDate(dateText, ctx.dateOrder, 'incident date') };
      const outside = ctx.lookups.outsideSchoolYear(date);
      if (outside) return { reason: outside };
      const behavior = descriptorValue(pick(values, mapping, 'behavior')).replace(/\s+/g, ' ');
      if (behavior === '')
        return { reason: 'The behavior is empty: say what happened (e.g. Fighting).' };
      const actionText = pick(values, mapping, 'action');
      const action = actionText === '' ? 'none' : disciplineAction(actionText);
      if (!action) {
        return {
          reason: `Unknown action “${shown(actionText)}”: use ISS / in-school suspension, OSS / out-of-school suspension, expulsion, referral, detention or none (a warning or conference is none).`,
        };
      }
      const daysText = pick(values, mapping, 'days');
      const days = daysText === '' ? 0 : parseNumber(daysText);
      if (days === null || days < 0 || days > 366) {
        return {
          reason: `Days removed “${shown(daysText)}” must be a number of school days (0 or more).`,
        };
      }
      const { outcome } = upsert({
        sourceId: null,
        districtId: student.districtId,
        schoolId: student.schoolId,
        values: { student_id: student.id, date, behavior, action, days_removed: days },
      });
      if (outcome === 'added' || outcome === 'updated') ctx.dirty.mark(student.id, date);
      return fromUpsert(outcome, 'student, date, behavior and action');
    };
  },
};
