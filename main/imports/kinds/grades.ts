import { fromUpsert, type RowImporter } from '../importer';
import { pick } from '../mapping';
import { prepareSyncedUpsert, type Identity } from '../write/synced-upsert';
import {
  STUDENT_FIELD,
  SECTION_FIELD,
  codeKey,
  parseNumber,
  parseYesNo,
  recordIdField,
  resolvePeriod,
  unknownSection,
  unknownStudent,
  shown,
} from './common';

/** Ed-Fi grade types and the words SIS exports use for "grade of record" vs "progress". */
const FINAL_WORDS: Record<string, boolean> = {
  final: true,
  finalgrade: true,
  gradingperiod: true,
  semester: true,
  term: true,
  stored: true,
  storedgrade: true,
  posted: true,
  reportcard: true,
  progress: false,
  progressgrade: false,
  progressreport: false,
  interim: false,
  midterm: false,
  midtermgrade: false,
  current: false,
  currentgrade: false,
  inprogress: false,
};

/** True for a grade of record, false for a progress grade, null when the text says neither. */
export function finalFlag(text: string): boolean | null {
  return parseYesNo(text) ?? FINAL_WORDS[codeKey(text)] ?? null;
}

/** Matches the unique index section_grades_identity (db/migrations/0002_imports.ts). */
const GRADE_IDENTITY: Identity = {
  conflict: '(student_id, section_id, grading_period_id, is_final, source_system)',
  where:
    'student_id = ? AND section_id = ? AND grading_period_id = ? AND is_final = ? AND source_system = ?',
  args: (row, sourceSystem) => [
    row.values.student_id!,
    row.values.section_id!,
    row.values.grading_period_id!,
    row.values.is_final!,
    sourceSystem,
  ],
};

/** The schema's CHECK on numeric_grade: extra credit goes a little past 100. */
const MAX_NUMERIC = 110;

export const gradesImporter: RowImporter = {
  kind: 'grades',
  title: 'Section grades',
  fileNameHints: ['grade', 'grades', 'marks', 'storedgrades', 'reportcard', 'report card'],
  defaultSourceSystem: 'sis',
  fields: [
    STUDENT_FIELD,
    { ...SECTION_FIELD, required: true, aliases: [...SECTION_FIELD.aliases, 'section number'] },
    {
      key: 'period',
      label: 'Grading period',
      required: true,
      aliases: [
        'grading period',
        'grading period id',
        'gradingperiod',
        'gradingperioddescriptor',
        'marking period',
        'term',
        'term name',
        'term id',
        'storecode',
        'store code',
        'session',
        'session sourcedid',
        'quarter',
      ],
      help: "The grading period's ID or title, e.g. Q1, Quarter 1, S1.",
    },
    {
      key: 'letter',
      label: 'Letter grade',
      required: false,
      aliases: [
        'letter grade',
        'lettergradeearned',
        'letter',
        'grade letter',
        'current grade',
        'final grade',
        'mark',
        'grade',
      ],
      help: 'A, B+, P… A number here is read as the numeric grade.',
    },
    {
      key: 'numeric',
      label: 'Numeric grade (percent)',
      required: false,
      aliases: [
        'numeric grade',
        'numericgradeearned',
        'percent',
        'percentage',
        'grade percent',
        'percent grade',
        'pct',
        'current score',
        'final score',
        'score',
      ],
      help: '0–100 (up to 110 with extra credit). A row needs a letter or a numeric grade.',
    },
    {
      key: 'final',
      label: 'Final grade?',
      required: false,
      aliases: [
        'is final',
        'final',
        'final flag',
        'grade type',
        'gradetypedescriptor',
        'type',
        'stored',
      ],
      help: 'Y/N, true/false, 1/0, or final/progress. Unmapped: every row is a progress grade.',
    },
    recordIdField(['grade id', 'record id', 'stored grade id', 'sourcedid']),
  ],
  open(ctx) {
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'section_grades',
      ['student_id', 'section_id', 'grading_period_id', 'letter', 'numeric_grade', 'is_final'],
      ctx.sourceSystem,
      ctx.now,
      GRADE_IDENTITY,
    );
    return (values, mapping) => {
      const studentKey = pick(values, mapping, 'student');
      const student = ctx.lookups.student(studentKey);
      if (!student) return { reason: unknownStudent(studentKey, ctx) };
      const sectionKey = pick(values, mapping, 'section');
      const section = ctx.lookups.section(sectionKey);
      if (!section) {
        return {
          reason:
            sectionKey === ''
              ? 'The section (class) ID is empty.'
              : unknownSection(sectionKey, ctx),
        };
      }
      const periodText = pick(values, mapping, 'period');
      if (periodText === '') return { reason: 'The grading period is empty.' };
      const period = resolvePeriod(ctx, periodText, section);
      if ('reason' in period) return period;

      let letter: string | null = pick(values, mapping, 'letter') || null;
      const numericText = pick(values, mapping, 'numeric');
      let numeric = parseNumber(numericText);
      if (numericText !== '' && numeric === null) {
        return { reason: `The numeric grade “${shown(numericText)}” is not a number.` };
      }
      // One "Grade" column often holds percentages: a number there is the numeric grade.
      const asNumber = letter === null ? null : parseNumber(letter);
      if (asNumber !== null && numeric === null) {
        numeric = asNumber;
        letter = null;
      }
      if (letter === null && numeric === null) {
        return {
          reason: 'This row has no grade: both the letter and the numeric grade are empty.',
        };
      }
      if (letter !== null && letter.length > 10) {
        return {
          reason: `“${shown(letter)}” is too long for a letter grade (e.g. A, B+, P, INC).`,
        };
      }
      if (numeric !== null && (numeric < 0 || numeric > MAX_NUMERIC)) {
        return {
          reason: `The numeric grade ${numeric} is outside 0–${MAX_NUMERIC}. Grades are percentages; check that this column is not points or a GPA.`,
        };
      }
      const finalText = pick(values, mapping, 'final');
      const isFinal = finalText === '' ? false : finalFlag(finalText);
      if (isFinal === null) {
        return {
          reason: `“${shown(finalText)}” does not say whether this is a final grade: use Y/N, true/false, 1/0, or final/progress.`,
        };
      }
      const { outcome } = upsert({
        sourceId: pick(values, mapping, 'id') || null,
        districtId: student.districtId,
        schoolId: student.schoolId,
        values: {
          student_id: student.id,
          section_id: section.id,
          grading_period_id: period.id,
          letter: letter === null ? null : letter.toUpperCase(),
          numeric_grade: numeric,
          is_final: isFinal ? 1 : 0,
        },
      });
      if (outcome === 'added' || outcome === 'updated')
        ctx.dirty.mark(student.id, period.startDate);
      return fromUpsert(
        outcome,
        `student, section, grading period and ${isFinal ? 'final' : 'progress'} flag`,
      );
    };
  },
};
