import type { AttendanceCategory } from '../../../db/schema';
import { fromUpsert, type RowImporter } from '../importer';
import { pick } from '../mapping';
import { prepareSyncedUpsert, type Identity } from '../write/synced-upsert';
import {
  STUDENT_FIELD,
  SECTION_FIELD,
  badDate,
  codeKey,
  dateReader,
  unknownSection,
  sectionMissing,
  unknownStudent,
  shown,
} from './common';

/** Codes and words SIS exports use for Ed-Fi attendance categories, normalized. */
const CATEGORY_WORDS: Record<string, AttendanceCategory> = {
  p: 'present',
  present: 'present',
  inattendance: 'present',
  a: 'unexcused_absence',
  u: 'unexcused_absence',
  ua: 'unexcused_absence',
  absent: 'unexcused_absence',
  unexcused: 'unexcused_absence',
  unexcusedabsence: 'unexcused_absence',
  truant: 'unexcused_absence',
  e: 'excused_absence',
  ea: 'excused_absence',
  ex: 'excused_absence',
  excused: 'excused_absence',
  excusedabsence: 'excused_absence',
  t: 'tardy',
  tardy: 'tardy',
  late: 'tardy',
  ed: 'early_departure',
  ld: 'early_departure',
  earlydeparture: 'early_departure',
  earlydismissal: 'early_departure',
  leftearly: 'early_departure',
};

/** Reads a code, a word or an Ed-Fi descriptor (uri://ed-fi.org/…Descriptor#Tardy). */
export function attendanceCategory(text: string): AttendanceCategory | null {
  return CATEGORY_WORDS[codeKey(text)] ?? null;
}

/** Matches the unique index attendance_identity (db/migrations/0002_imports.ts). */
const SLOT = `(CASE WHEN category IN ('tardy', 'early_departure') THEN category ELSE 'status' END)`;
const ATTENDANCE_IDENTITY: Identity = {
  conflict: `(student_id, date, ifnull(section_id, ''), ${SLOT}, source_system)`,
  where: `student_id = ? AND date = ? AND ifnull(section_id, '') = ? AND ${SLOT} = ? AND source_system = ?`,
  args: (row, sourceSystem) => {
    const category = row.values.category as AttendanceCategory;
    const slot = category === 'tardy' || category === 'early_departure' ? category : 'status';
    return [
      row.values.student_id!,
      row.values.date!,
      row.values.section_id ?? '',
      slot,
      sourceSystem,
    ];
  },
};

export const attendanceImporter: RowImporter = {
  kind: 'attendance',
  title: 'Attendance events',
  fileNameHints: ['attendance', 'absence', 'absences', 'tardies'],
  defaultSourceSystem: 'sis',
  fields: [
    STUDENT_FIELD,
    {
      key: 'date',
      label: 'Date',
      required: true,
      aliases: [
        'attendance date',
        'event date',
        'absence date',
        'calendar date',
        'day',
        'attendancedate',
      ],
    },
    {
      key: 'category',
      label: 'Attendance code',
      required: true,
      aliases: [
        'code',
        'attendance code',
        'status',
        'attendance status',
        'type',
        'attendance type',
        'event category',
        'attendance event category',
        'attendanceeventcategorydescriptor',
      ],
      help: 'P, A/U, E, T, ED or the words present, excused absence, unexcused absence, tardy, early departure.',
    },
    { ...SECTION_FIELD, help: 'Leave unmapped for whole-day (daily) attendance.' },
    {
      key: 'minutes',
      label: 'Minutes missed',
      required: false,
      aliases: ['minutes', 'minutes absent', 'minutes missed'],
    },
    {
      key: 'id',
      label: 'Record ID',
      required: false,
      aliases: ['sourcedid', 'event id', 'record id', 'attendance id'],
      help: 'Optional; without it a row is identified by student, section and date.',
    },
  ],
  open(ctx) {
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'attendance_events',
      ['student_id', 'section_id', 'date', 'category', 'minutes'],
      ctx.sourceSystem,
      ctx.now,
      ATTENDANCE_IDENTITY,
    );
    const readDate = dateReader(ctx.dateOrder);
    // A file uses a handful of codes a million times: read each spelling once.
    const categories = new Map<string, AttendanceCategory | null>();
    return (values, mapping) => {
      const studentKey = pick(values, mapping, 'student');
      const student = ctx.lookups.student(studentKey);
      if (!student) return { reason: unknownStudent(studentKey, ctx) };
      const dateText = pick(values, mapping, 'date');
      const date = readDate(dateText);
      if (!date) return { reason: badDate(dateText, ctx.dateOrder) };
      const outside = ctx.lookups.outsideSchoolYear(date);
      if (outside) return { reason: outside };
      const codeText = pick(values, mapping, 'category');
      let category = categories.get(codeText);
      if (category === undefined) {
        category = attendanceCategory(codeText);
        if (categories.size < 1000) categories.set(codeText, category);
      }
      if (!category) {
        return {
          reason: `Unknown attendance code “${shown(codeText)}”: use P, A/U, E, T, ED or present, excused absence, unexcused absence, tardy, early departure.`,
        };
      }
      const sectionKey = pick(values, mapping, 'section');
      const section = sectionKey ? ctx.lookups.section(sectionKey) : undefined;
      if (sectionKey && !section) return { reason: unknownSection(sectionKey, ctx) };
      if (!sectionKey) {
        const missing = sectionMissing(ctx, 'attendance');
        if (missing) return { reason: missing };
      }
      const minutesText = pick(values, mapping, 'minutes');
      const minutes = minutesText === '' ? null : Number(minutesText);
      if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0)) {
        return { reason: `Minutes “${shown(minutesText)}” must be a whole number of minutes.` };
      }
      const { outcome } = upsert({
        sourceId: pick(values, mapping, 'id') || null,
        districtId: student.districtId,
        schoolId: student.schoolId,
        values: {
          student_id: student.id,
          section_id: section?.id ?? null,
          date,
          category,
          minutes,
        },
      });
      if (outcome === 'added' || outcome === 'updated') ctx.dirty.mark(student.id, date);
      return fromUpsert(outcome, 'student, section and date');
    };
  },
};
