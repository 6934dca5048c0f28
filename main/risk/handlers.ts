import { uuidv7 } from 'uuidv7';
import { ApiError } from '../api/contract';
import type { HandlerMap } from '../api/router';
import { writeAudit } from '../audit/log';
import { requireRole } from '../auth/roles';

/** Who may judge a score or a flag: the staff who act on them (DOMAIN.md). */
const REVIEWERS = ['counselor', 'school_admin', 'district_admin'] as const;

export const riskHandlers: Pick<HandlerMap, 'risk.feedback' | 'risk.score'> = {
  /** The router has already checked the student is in the caller's scope. */
  'risk.feedback'(input, ctx) {
    const session = requireRole(ctx, REVIEWERS, 'give feedback on risk flags');
    if (input.verdict === 'override') {
      if (!input.overrideTier) {
        throw new ApiError('invalid_input', 'Choose the tier this student should be in.');
      }
      if (input.note === '') {
        throw new ApiError('invalid_input', 'Say why you are overriding the tier.');
      }
      if (input.target !== 'model') {
        throw new ApiError('invalid_input', 'Only the model’s tier can be overridden.');
      }
    } else if (input.overrideTier) {
      throw new ApiError('invalid_input', 'A tier goes only with an override.');
    }
    const { sqlite } = ctx.store;
    const student = sqlite
      .prepare('SELECT district_id, school_id FROM students WHERE id = ?')
      .get(input.studentId) as { district_id: string; school_id: string | null };
    const current = sqlite
      .prepare('SELECT model_version_id, week_start FROM student_risk WHERE student_id = ?')
      .get(input.studentId) as { model_version_id: string; week_start: string } | undefined;
    const id = uuidv7();
    const now = Date.now();
    sqlite
      .prepare(
        `INSERT INTO risk_feedback (id, district_id, school_id, created_at, updated_at, student_id,
           staff_id, target, verdict, override_tier, model_version_id, week_start, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        student.district_id,
        student.school_id,
        now,
        now,
        input.studentId,
        session.staff.id,
        input.target,
        input.verdict,
        input.overrideTier ?? null,
        current?.model_version_id ?? null,
        current?.week_start ?? null,
        input.note,
      );
    writeAudit(ctx.store, {
      actor: { staffId: session.staff.id, role: session.staff.role },
      action: input.verdict === 'override' ? 'risk.override' : 'risk.feedback',
      entityType: 'risk_feedback',
      entityId: id,
      studentId: input.studentId,
      detail: { target: input.target, verdict: input.verdict, tier: input.overrideTier ?? null },
    });
    ctx.events.emit('data.changed', { tables: ['risk_feedback'] });
    return { id };
  },

  'risk.score'(_input, ctx) {
    const session = requireRole(ctx, ['school_admin', 'district_admin'], 'score students now');
    return { jobId: ctx.jobs.start('score', { mode: 'latest' }, session.staff.id) };
  },
};
