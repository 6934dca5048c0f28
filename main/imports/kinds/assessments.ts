import { fromUpsert, type RowImporter } from '../importer';
import { pick } from '../mapping';
import { prepareSyncedUpsert, type Identity } from '../write/synced-upsert';
import {
  STUDENT_FIELD,
  badDate,
  dateReader,
  descriptorValue,
  parseNumber,
  recordIdField,
  unknownStudent,
  shown,
} from './common';

/**
 * Matches the unique index assessment_results_identity (db/migrations/0002_imports.ts). The
 * subject is part of it: "MAP Growth" is given in Math and Reading on the same morning.
 */
const ASSESSMENT_IDENTITY: Identity = {
  conflict: `(student_id, date, assessment, ifnull(subject, ''), source_system)`,
  where: `student_id = ? AND date = ? AND assessment = ? AND ifnull(subject, '') = ? AND source_system = ?`,
  args: (row, sourceSystem) => [
    row.values.student_id!,
    row.values.date!,
    row.values.assessment!,
    row.values.subject ?? '',
    sourceSystem,
  ],
};

/** "55", "55th", "55%" → 55. */
function parsePercentile(text: string): number | null {
  return parseNumber(text.replace(/(st|nd|rd|th)$/i, ''));
}

function tidy(text: string): string {
  return descriptorValue(text).replace(/\s+/g, ' ');
}

export const assessmentsImporter: RowImporter = {
  kind: 'assessments',
  title: 'Assessment results',
  fileNameHints: ['assessment', 'test', 'benchmark', 'map', 'iready', 'star', 'dibels', 'scores'],
  defaultSourceSystem: 'assessments',
  fields: [
    STUDENT_FIELD,
    {
      key: 'assessment',
      label: 'Assessment',
      required: true,
      aliases: [
        'assessment',
        'assessment name',
        'assessment title',
        'assessmenttitle',
        'assessmentidentifier',
        'test',
        'test name',
        'test title',
        'exam',
        'measure',
      ],
      help: "The test's name, e.g. MAP Growth, i-Ready Diagnostic, Unit 2 check.",
    },
    {
      key: 'subject',
      label: 'Subject',
      required: false,
      aliases: [
        'subject',
        'academic subject',
        'academicsubjectdescriptor',
        'content area',
        'test subject',
        'discipline',
      ],
    },
    {
      key: 'date',
      label: 'Date taken',
      required: true,
      aliases: [
        'date',
        'test date',
        'assessment date',
        'administration date',
        'administrationdate',
        'date taken',
        'testdate',
        'completed date',
        'test completion date',
      ],
    },
    {
      key: 'score',
      label: 'Score',
      required: true,
      aliases: [
        'score',
        'scale score',
        'scaled score',
        'scalescore',
        'rit score',
        'rit',
        'raw score',
        'test score',
        'result',
      ],
    },
    {
      key: 'max',
      label: 'Maximum score',
      required: false,
      aliases: [
        'max score',
        'maximum score',
        'max',
        'out of',
        'points possible',
        'total points',
        'max points',
      ],
      help: 'Leave unmapped for scale scores (MAP RIT, i-Ready).',
    },
    {
      key: 'percentile',
      label: 'Percentile',
      required: false,
      aliases: [
        'percentile',
        'percentile rank',
        'national percentile',
        'national percentile rank',
        'npr',
        'achievement percentile',
        'pr',
      ],
    },
    {
      key: 'level',
      label: 'Performance level',
      required: false,
      aliases: [
        'performance level',
        'performancelevel',
        'performance level descriptor',
        'proficiency',
        'proficiency level',
        'achievement level',
        'level',
      ],
    },
    recordIdField(['result id', 'score id', 'test result id', 'assessment result id', 'record id']),
  ],
  open(ctx) {
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'assessment_results',
      [
        'student_id',
        'assessment',
        'subject',
        'date',
        'score',
        'max_score',
        'percentile',
        'performance_level',
      ],
      ctx.sourceSystem,
      ctx.now,
      ASSESSMENT_IDENTITY,
    );
    const readDate = dateReader(ctx.dateOrder);
    return (values, mapping) => {
      const studentKey = pick(values, mapping, 'student');
      const student = ctx.lookups.student(studentKey);
      if (!student) return { reason: unknownStudent(studentKey, ctx) };
      const assessment = tidy(pick(values, mapping, 'assessment'));
      if (assessment === '') return { reason: 'The assessment name is empty.' };
      const dateText = pick(values, mapping, 'date');
      const date = readDate(dateText);
      if (!date) return { reason: badDate(dateText, ctx.dateOrder, 'test date') };
      const scoreText = pick(values, mapping, 'score');
      const score = parseNumber(scoreText);
      if (score === null) {
        return {
          reason:
            scoreText === ''
              ? 'The score is empty: a result needs a score (leave the row out if the test was not taken).'
              : `The score “${shown(scoreText)}” is not a number.`,
        };
      }
      const maxText = pick(values, mapping, 'max');
      const max = maxText === '' ? null : parseNumber(maxText);
      if (maxText !== '' && (max === null || max <= 0)) {
        return { reason: `The maximum score “${shown(maxText)}” must be a number above 0.` };
      }
      const percentileText = pick(values, mapping, 'percentile');
      const percentile = percentileText === '' ? null : parsePercentile(percentileText);
      if (percentileText !== '' && (percentile === null || percentile < 0 || percentile > 100)) {
        return {
          reason: `The percentile “${shown(percentileText)}” must be a number from 0 to 100.`,
        };
      }
      const subject = tidy(pick(values, mapping, 'subject')) || null;
      const { outcome } = upsert({
        sourceId: pick(values, mapping, 'id') || null,
        districtId: student.districtId,
        schoolId: student.schoolId,
        values: {
          student_id: student.id,
          assessment,
          subject,
          date,
          score,
          max_score: max,
          percentile,
          performance_level: tidy(pick(values, mapping, 'level')) || null,
        },
      });
      if (outcome === 'added' || outcome === 'updated') ctx.dirty.mark(student.id, date);
      return fromUpsert(outcome, 'student, assessment, subject and date');
    };
  },
};
