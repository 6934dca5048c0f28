import type { SubmissionStatus } from '../../../db/schema';
import { fromUpsert, type RowImporter } from '../importer';
import { pick } from '../mapping';
import { localDate, parseDateTime } from '../read/dates';
import { prepareSyncedUpsert, type Identity } from '../write/synced-upsert';
import {
  STUDENT_FIELD,
  codeKey,
  parseNumber,
  recordIdField,
  unknownStudent,
  shown,
} from './common';

/**
 * Status words from gradebooks (Canvas workflow states, OneRoster scoreStatus, PowerSchool
 * flags). "Turned in" says only that work arrived: whether on time is read from the dates.
 */
const STATUS_WORDS: Record<string, SubmissionStatus | 'submitted'> = {
  ontime: 'on_time',
  ot: 'on_time',
  late: 'late',
  l: 'late',
  submittedlate: 'late',
  turnedinlate: 'late',
  missing: 'missing',
  m: 'missing',
  notsubmitted: 'missing',
  unsubmitted: 'missing',
  notturnedin: 'missing',
  notturnedinyet: 'missing',
  nosubmission: 'missing',
  excused: 'excused',
  ex: 'excused',
  exempt: 'excused',
  exempted: 'excused',
  waived: 'excused',
  submitted: 'submitted',
  turnedin: 'submitted',
  handedin: 'submitted',
  collected: 'submitted',
  complete: 'submitted',
  completed: 'submitted',
  graded: 'submitted',
  fullygraded: 'submitted',
  partiallygraded: 'submitted',
  pendingreview: 'submitted',
  returned: 'submitted',
};

export function submissionStatus(text: string): SubmissionStatus | 'submitted' | null {
  return STATUS_WORDS[codeKey(text)] ?? null;
}

/** Matches the unique index submissions_pair (db/migrations/0001_initial.ts). */
const SUBMISSION_IDENTITY: Identity = {
  conflict: '(student_id, assignment_id)',
  where: 'student_id = ? AND assignment_id = ?',
  args: (row) => [row.values.student_id!, row.values.assignment_id!],
};

export const submissionsImporter: RowImporter = {
  kind: 'submissions',
  title: 'Assignment submissions',
  fileNameHints: ['submission', 'submissions', 'results', 'scores', 'gradebook'],
  defaultSourceSystem: 'lms',
  fields: [
    {
      key: 'assignment',
      label: 'Assignment ID',
      required: true,
      aliases: [
        'assignment id',
        'assignmentid',
        'assignment sis id',
        'lineitem sourcedid',
        'lineitemsourcedid',
        'line item sourcedid',
        'line item id',
        'assignment',
      ],
      help: 'The ID the assignments file gave the assignment.',
    },
    STUDENT_FIELD,
    {
      key: 'status',
      label: 'Status',
      required: false,
      aliases: [
        'status',
        'submission status',
        'workflow state',
        'scorestatus',
        'score status',
        'state',
      ],
      help: 'On time, late, missing, excused (or turned in, graded…). Unmapped or empty: read from the dates and score.',
    },
    {
      key: 'submitted',
      label: 'Submitted at',
      required: false,
      aliases: [
        'submitted at',
        'submitted',
        'submitted date',
        'submission date',
        'date submitted',
        'turned in',
        'turned in at',
        'handed in',
        'submitted on',
      ],
    },
    {
      key: 'score',
      label: 'Score (points)',
      required: false,
      aliases: ['score', 'points earned', 'points', 'earned', 'scoreearned', 'mark', 'grade'],
      help: '"EX" or "M" in this column mean excused or missing.',
    },
    recordIdField(['submission id', 'result sourcedid', 'result id', 'sourcedid']),
  ],
  open(ctx) {
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'submissions',
      ['assignment_id', 'student_id', 'status', 'submitted_at', 'score'],
      ctx.sourceSystem,
      ctx.now,
      SUBMISSION_IDENTITY,
    );
    // "Past due" is judged by the school's calendar, in the district's time zone.
    const todays = new Map<string, string>();
    const today = (timeZone: string) => {
      let date = todays.get(timeZone);
      if (!date) todays.set(timeZone, (date = localDate(ctx.now, timeZone)));
      return date;
    };
    return (values, mapping) => {
      const assignmentKey = pick(values, mapping, 'assignment');
      const assignment = ctx.lookups.assignment(assignmentKey);
      if (!assignment) {
        return {
          reason:
            assignmentKey === ''
              ? 'The assignment ID is empty.'
              : `No assignment${ctx.lookups.scope ? ` in ${ctx.lookups.scope.label}` : ''} has the ID “${assignmentKey}”. Import the assignments file first, or check which column holds the assignment ID.`,
        };
      }
      const studentKey = pick(values, mapping, 'student');
      const student = ctx.lookups.student(studentKey);
      if (!student) return { reason: unknownStudent(studentKey, ctx) };

      const timeZone = ctx.lookups.timeZone(student.districtId);
      const submittedText = pick(values, mapping, 'submitted');
      const submitted =
        submittedText === '' ? null : parseDateTime(submittedText, ctx.dateOrder, timeZone);
      if (submittedText !== '' && !submitted) {
        return {
          reason: `“${shown(submittedText)}” is not a date and time Sightline can read (e.g. 2025-09-05 21:30).`,
        };
      }
      const statusText = pick(values, mapping, 'status');
      let said = statusText === '' ? null : submissionStatus(statusText);
      if (statusText !== '' && said === null) {
        return {
          reason: `Unknown submission status “${shown(statusText)}”: use on time, late, missing or excused (turned in, submitted and graded are read as on time or late from the dates).`,
        };
      }
      // Gradebooks write EX and M in the score column itself.
      let scoreText = pick(values, mapping, 'score');
      const scoreWord =
        scoreText === '' || parseNumber(scoreText) !== null ? null : submissionStatus(scoreText);
      if (scoreWord === 'excused' || scoreWord === 'missing') {
        said ??= scoreWord;
        scoreText = '';
      }
      const score = parseNumber(scoreText);
      if (scoreText !== '' && (score === null || score < 0)) {
        return {
          reason: `The score “${shown(scoreText)}” must be a number of points (0 or more), or EX / M.`,
        };
      }

      let status: SubmissionStatus;
      if (said === 'on_time' || said === 'late' || said === 'missing' || said === 'excused') {
        status = said;
      } else if (submitted) {
        status = submitted.date > assignment.dueDate ? 'late' : 'on_time';
      } else if (said === 'submitted' || score !== null) {
        status = 'on_time';
      } else if (assignment.dueDate < today(timeZone)) {
        status = 'missing';
      } else {
        // Not due yet and nothing handed in: there is nothing to record until it is.
        return { outcome: 'ignored' };
      }

      const { outcome } = upsert({
        sourceId: pick(values, mapping, 'id') || null,
        districtId: student.districtId,
        schoolId: student.schoolId,
        values: {
          assignment_id: assignment.id,
          student_id: student.id,
          status,
          submitted_at: submitted?.ms ?? null,
          score,
        },
      });
      if (outcome === 'added' || outcome === 'updated') {
        const from =
          submitted && submitted.date < assignment.dueDate ? submitted.date : assignment.dueDate;
        ctx.dirty.mark(student.id, from);
      }
      return fromUpsert(outcome, 'student and assignment');
    };
  },
};
