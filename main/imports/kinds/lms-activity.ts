import { fromUpsert, type RowImporter } from '../importer';
import { pick } from '../mapping';
import { prepareSyncedUpsert, type Identity } from '../write/synced-upsert';
import {
  STUDENT_FIELD,
  SECTION_FIELD,
  badDate,
  dateReader,
  parseMinutes,
  parseNumber,
  unknownSection,
  sectionMissing,
  unknownStudent,
  shown,
} from './common';

/** Matches the unique index lms_activity_identity (db/migrations/0002_imports.ts). */
export const LMS_IDENTITY: Identity = {
  conflict: `(student_id, date, ifnull(section_id, ''), source_system)`,
  where: `student_id = ? AND date = ? AND ifnull(section_id, '') = ? AND source_system = ?`,
  args: (row, sourceSystem) => [
    row.values.student_id!,
    row.values.date!,
    row.values.section_id ?? '',
    sourceSystem,
  ],
};

export const LMS_COLUMNS = [
  'student_id',
  'section_id',
  'date',
  'sessions',
  'active_minutes',
  'submissions',
] as const;

function count(text: string): number | null {
  const n = parseNumber(text);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

export const lmsActivityImporter: RowImporter = {
  kind: 'lms_activity',
  title: 'LMS activity (daily)',
  fileNameHints: [
    'lms',
    'activity',
    'usage',
    'engagement',
    'logins',
    'canvas',
    'schoology',
    'classroom',
  ],
  defaultSourceSystem: 'lms',
  fields: [
    STUDENT_FIELD,
    {
      key: 'date',
      label: 'Date',
      required: true,
      aliases: ['date', 'activity date', 'day', 'login date', 'access date', 'usage date'],
    },
    SECTION_FIELD,
    {
      key: 'sessions',
      label: 'Sessions',
      required: false,
      aliases: [
        'sessions',
        'session count',
        'number of sessions',
        'logins',
        'login count',
        'visits',
      ],
      help: 'Unmapped or empty: 1, since the row says the student was active that day.',
    },
    {
      key: 'minutes',
      label: 'Active minutes',
      required: false,
      aliases: [
        'active minutes',
        'minutes',
        'minutes active',
        'time spent',
        'time on task',
        'active time',
        'total time',
        'total activity time',
        'duration',
      ],
      help: 'Minutes, h:mm, hh:mm:ss, "1h 20m" or PT1H20M.',
    },
    {
      key: 'submissions',
      label: 'Submissions',
      required: false,
      aliases: ['submissions', 'submission count', 'assignments submitted', 'items submitted'],
    },
  ],
  open(ctx) {
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'lms_activity',
      LMS_COLUMNS,
      ctx.sourceSystem,
      ctx.now,
      LMS_IDENTITY,
    );
    const readDate = dateReader(ctx.dateOrder);
    return (values, mapping) => {
      const studentKey = pick(values, mapping, 'student');
      const student = ctx.lookups.student(studentKey);
      if (!student) return { reason: unknownStudent(studentKey, ctx) };
      const dateText = pick(values, mapping, 'date');
      const date = readDate(dateText);
      if (!date) return { reason: badDate(dateText, ctx.dateOrder) };
      const sectionKey = pick(values, mapping, 'section');
      const section = sectionKey ? ctx.lookups.section(sectionKey) : undefined;
      if (sectionKey && !section) return { reason: unknownSection(sectionKey, ctx) };
      if (!sectionKey) {
        const missing = sectionMissing(ctx, 'LMS activity');
        if (missing) return { reason: missing };
      }
      const sessionsText = pick(values, mapping, 'sessions');
      const sessions = sessionsText === '' ? 1 : count(sessionsText);
      if (sessions === null) {
        return { reason: `Sessions “${shown(sessionsText)}” must be a whole number (0 or more).` };
      }
      const minutesText = pick(values, mapping, 'minutes');
      const minutes = minutesText === '' ? 0 : parseMinutes(minutesText);
      if (minutes === null || minutes > 24 * 60) {
        return {
          reason: `Active time “${shown(minutesText)}” is not a duration Sightline can read for one day (e.g. 45, 1:20, 01:20:00, 1h 20m).`,
        };
      }
      const submissionsText = pick(values, mapping, 'submissions');
      const submissions = submissionsText === '' ? 0 : count(submissionsText);
      if (submissions === null) {
        return {
          reason: `Submissions “${shown(submissionsText)}” must be a whole number (0 or more).`,
        };
      }
      const { outcome } = upsert({
        sourceId: null,
        districtId: student.districtId,
        schoolId: student.schoolId,
        values: {
          student_id: student.id,
          section_id: section?.id ?? null,
          date,
          sessions,
          active_minutes: Math.round(minutes),
          submissions,
        },
      });
      if (outcome === 'added' || outcome === 'updated') ctx.dirty.mark(student.id, date);
      return fromUpsert(outcome, 'student, section and date');
    };
  },
};
