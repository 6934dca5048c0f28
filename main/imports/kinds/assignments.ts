import type { IsoDate } from '../../../db/schema';
import { fromUpsert, type RowImporter } from '../importer';
import { pick } from '../mapping';
import { prepareSyncedUpsert } from '../write/synced-upsert';
import {
  SECTION_FIELD,
  badDate,
  dateReader,
  parseNumber,
  resolvePeriod,
  unknownSection,
  shown,
} from './common';

export const assignmentsImporter: RowImporter = {
  kind: 'assignments',
  title: 'Assignments',
  fileNameHints: ['assignment', 'lineitem', 'line_item', 'line item', 'coursework'],
  defaultSourceSystem: 'lms',
  fields: [
    {
      key: 'id',
      label: 'Assignment ID',
      required: true,
      aliases: [
        'assignment id',
        'assignmentid',
        'assignment sis id',
        'lineitem sourcedid',
        'line item sourcedid',
        'line item id',
        'sourcedid',
        'id',
      ],
      help: 'Submissions refer to assignments by this ID.',
    },
    { ...SECTION_FIELD, required: true },
    {
      key: 'title',
      label: 'Title',
      required: true,
      aliases: [
        'assignment name',
        'assignment title',
        'assignment',
        'title',
        'name',
        'line item title',
      ],
    },
    {
      key: 'due',
      label: 'Due date',
      required: true,
      aliases: [
        'due date',
        'duedate',
        'due',
        'due at',
        'date due',
        'assignment due date',
        'due on',
      ],
    },
    {
      key: 'points',
      label: 'Points possible',
      required: true,
      aliases: [
        'points possible',
        'pointspossible',
        'possible points',
        'max points',
        'maximum points',
        'total points',
        'resultvaluemax',
        'max score',
        'out of',
        'points',
      ],
      help: 'Empty means an ungraded assignment (0 points).',
    },
    {
      key: 'period',
      label: 'Grading period',
      required: false,
      aliases: [
        'grading period',
        'gradingperiod',
        'grading period id',
        'term',
        'marking period',
        'storecode',
      ],
    },
  ],
  open(ctx) {
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'assignments',
      ['section_id', 'grading_period_id', 'title', 'due_date', 'points_possible'],
      ctx.sourceSystem,
      ctx.now,
    );
    const before = ctx.sqlite.prepare(
      'SELECT id, due_date, section_id FROM assignments WHERE source_system = ? AND source_id = ?',
    );
    const submitters = ctx.sqlite
      .prepare('SELECT student_id FROM submissions WHERE assignment_id = ? AND deleted_at IS NULL')
      .pluck();
    const readDate = dateReader(ctx.dateOrder);
    return (values, mapping) => {
      const sourceId = pick(values, mapping, 'id');
      if (sourceId === '')
        return { reason: 'The assignment ID is empty: submissions could not refer to it.' };
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
      const title = pick(values, mapping, 'title');
      if (title === '') return { reason: 'The assignment title is empty.' };
      const dueText = pick(values, mapping, 'due');
      const due = readDate(dueText);
      if (!due) return { reason: badDate(dueText, ctx.dateOrder, 'due date') };
      const pointsText = pick(values, mapping, 'points');
      const points = pointsText === '' ? 0 : parseNumber(pointsText);
      if (points === null || points < 0) {
        return { reason: `Points possible “${shown(pointsText)}” must be a number of 0 or more.` };
      }
      const periodText = pick(values, mapping, 'period');
      let periodId: string | null = null;
      if (periodText !== '') {
        const period = resolvePeriod(ctx, periodText, section);
        if ('reason' in period) return period;
        periodId = period.id;
      }
      const old = before.get(ctx.sourceSystem, sourceId) as
        { id: string; due_date: IsoDate; section_id: string } | undefined;
      // A scoped import must not take over (move, rename, re-date) another class's assignment
      // that happens to share its ID.
      if (old && ctx.lookups.scope && !ctx.lookups.scope.sections.has(old.section_id)) {
        return {
          reason: `The assignment ID “${shown(sourceId)}” already belongs to an assignment outside ${ctx.lookups.scope.label}. Give each assignment its own ID (for example, start it with your section's code).`,
        };
      }
      const { outcome, id } = upsert({
        sourceId,
        districtId: section.districtId,
        schoolId: section.schoolId,
        values: {
          section_id: section.id,
          grading_period_id: periodId,
          title,
          due_date: due,
          points_possible: points,
        },
      });
      if (outcome === 'added' || outcome === 'updated') {
        // Submissions in this file or a later one must see this assignment as it is now.
        ctx.lookups.invalidate('assignments');
        // A changed due date or points moves every submitter's missing and late rates.
        if (outcome === 'updated' && id) {
          const from = old && old.due_date < due ? old.due_date : due;
          for (const studentId of submitters.all(id) as string[]) ctx.dirty.mark(studentId, from);
        }
      }
      return fromUpsert(outcome, 'assignment ID');
    };
  },
};
