/**
 * MTSS interventions: plan, check in, close (DOMAIN.md). The router has already checked that
 * the named student is in the caller's scope; each handler also checks the intervention is that
 * student's, so an id from another student is refused the same way. Every write goes to the
 * outbox in the same transaction, for the district.
 */
import { uuidv7 } from 'uuidv7';
import type { Intervention } from '../../db/schema';
import { ApiError, type ParsedInput } from '../api/contract';
import type { CallContext, HandlerMap } from '../api/router';
import { writeAudit } from '../audit/log';
import { requireRole } from '../auth/roles';
import type { Session } from '../auth/sessions';
import { insertLocal, updateLocal } from '../sync/outbox';
import { INTERVENTION_EDITORS, mayEdit } from './access';
import { interventionCoverage } from './coverage';
import { interventionsDue } from './due';
import { eligibleOwners } from './owners';
import { today } from './schedule';
import { interventionsForStudent } from './view';

type Method =
  | 'interventions.forStudent'
  | 'interventions.owners'
  | 'interventions.create'
  | 'interventions.update'
  | 'interventions.checkIn'
  | 'interventions.close'
  | 'interventions.due'
  | 'interventions.coverage';

type Plan = ParsedInput<'interventions.create'>;

export const interventionHandlers: Pick<HandlerMap, Method> = {
  'interventions.forStudent'(input, ctx) {
    const session = requireRole(
      ctx,
      [...INTERVENTION_EDITORS, 'district_admin'],
      'see interventions',
    );
    const on = today();
    return {
      interventions: interventionsForStudent(ctx.store.sqlite, input.studentId, session, on),
      today: on,
    };
  },

  'interventions.owners'(input, ctx) {
    requireRole(ctx, INTERVENTION_EDITORS, 'plan interventions');
    return { owners: eligibleOwners(ctx.store.sqlite, input.studentId) };
  },

  'interventions.create'(input, ctx) {
    const session = requireRole(ctx, INTERVENTION_EDITORS, 'plan interventions');
    const { sqlite } = ctx.store;
    checkOwner(ctx, input);
    const student = sqlite
      .prepare('SELECT district_id, school_id FROM students WHERE id = ?')
      .get(input.studentId) as { district_id: string; school_id: string | null };
    const id = uuidv7();
    const now = Date.now();
    const row: Intervention = {
      id,
      district_id: student.district_id,
      school_id: student.school_id,
      source_system: null,
      source_id: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 0,
      student_id: input.studentId,
      ...planColumns(input),
      status: 'active',
      outcome: null,
      outcome_note: null,
      closed_at: null,
      closed_by: null,
      created_by: session.staff.id,
    };
    insertLocal(sqlite, 'interventions', row);
    audit(ctx, session, 'intervention.create', id, input.studentId, {
      tier: input.tier,
      type: input.type,
    });
    return { id };
  },

  'interventions.update'(input, ctx) {
    const session = requireRole(ctx, INTERVENTION_EDITORS, 'edit interventions');
    const { sqlite } = ctx.store;
    const current = editable(ctx, session, input.studentId, input.interventionId);
    if (current.status === 'closed') {
      throw new ApiError('invalid_input', 'This intervention is closed; start a new one instead.');
    }
    if (current.updated_at !== input.baseUpdatedAt) {
      throw new ApiError(
        'conflict',
        'Someone changed this plan after you opened it, so your edit was not saved. Your changes are still in the form: reload the plan, then apply them again.',
      );
    }
    // A champion who has since left stays on the plan until someone chooses another.
    if (input.ownerId !== current.owner_id) checkOwner(ctx, input);
    const changes = { ...planColumns(input), updated_at: Date.now() };
    updateLocal(sqlite, 'interventions', input.interventionId, changes, current.version);
    audit(ctx, session, 'intervention.update', input.interventionId, input.studentId, {});
    return { id: input.interventionId };
  },

  'interventions.checkIn'(input, ctx) {
    const session = requireRole(ctx, INTERVENTION_EDITORS, 'record check-ins');
    const { sqlite } = ctx.store;
    const current = editable(ctx, session, input.studentId, input.interventionId);
    if (current.status === 'closed') {
      throw new ApiError(
        'invalid_input',
        'This intervention is closed; it takes no more check-ins.',
      );
    }
    if (input.date < current.start_date) {
      throw new ApiError(
        'invalid_input',
        'A check-in cannot come before the intervention started.',
        [{ path: 'date', message: `The intervention started on ${current.start_date}.` }],
      );
    }
    if (input.date > today()) {
      throw new ApiError('invalid_input', 'A check-in records what already happened.', [
        { path: 'date', message: 'Choose today or an earlier date.' },
      ]);
    }
    const id = uuidv7();
    const now = Date.now();
    const row = {
      id,
      district_id: current.district_id,
      school_id: current.school_id,
      source_system: null,
      source_id: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 0,
      intervention_id: input.interventionId,
      student_id: input.studentId,
      author_id: session.staff.id,
      date: input.date,
      progress: input.progress,
      note: input.note,
      private: input.private ? 1 : 0,
    };
    insertLocal(sqlite, 'intervention_checkins', row);
    audit(ctx, session, 'intervention.checkin', input.interventionId, input.studentId, {
      progress: input.progress,
      private: input.private,
    });
    return { id };
  },

  'interventions.close'(input, ctx) {
    const session = requireRole(ctx, INTERVENTION_EDITORS, 'close interventions');
    const { sqlite } = ctx.store;
    const current = editable(ctx, session, input.studentId, input.interventionId);
    if (current.status === 'closed') {
      throw new ApiError('invalid_input', 'This intervention is already closed.');
    }
    const now = Date.now();
    const changes = {
      status: 'closed' as const,
      outcome: input.outcome,
      outcome_note: input.note === '' ? null : input.note,
      closed_at: now,
      closed_by: session.staff.id,
      updated_at: now,
    };
    updateLocal(sqlite, 'interventions', input.interventionId, changes, current.version);
    audit(ctx, session, 'intervention.close', input.interventionId, input.studentId, {
      outcome: input.outcome,
    });
    return { id: input.interventionId };
  },

  async 'interventions.due'(_input, ctx) {
    const session = requireRole(ctx, INTERVENTION_EDITORS, 'see check-ins due');
    const on = today();
    return { due: await interventionsDue(ctx.store.db, session.scope, on), today: on };
  },

  async 'interventions.coverage'(input, ctx) {
    const session = requireRole(
      ctx,
      ['school_admin', 'district_admin'],
      'see intervention coverage',
    );
    // A school admin always sees their own school, whatever they pass.
    const schoolId =
      session.staff.role === 'school_admin' ? session.scope.schoolId : (input.schoolId ?? null);
    return interventionCoverage(ctx.store.db, session.scope, schoolId);
  },
};

function planColumns(input: Plan) {
  return {
    tier: input.tier,
    type: input.type,
    goal: input.goal,
    strategies: input.strategies,
    owner_id: input.ownerId,
    start_date: input.startDate,
    end_date: input.endDate,
    monitoring: input.monitoring,
  };
}

/** The owner must be someone who can work with this student: refused next to the field. */
function checkOwner(ctx: CallContext, input: { studentId: string; ownerId: string }): void {
  const owners = eligibleOwners(ctx.store.sqlite, input.studentId);
  if (!owners.some((o) => o.id === input.ownerId)) {
    throw new ApiError('invalid_input', 'Choose who champions this intervention.', [
      {
        path: 'ownerId',
        message:
          'Choose one of this student’s teachers, their counselor or a school administrator: only they can open the plan.',
      },
    ]);
  }
}

/** The intervention, when it is this student's and the caller may change it. */
function editable(
  ctx: CallContext,
  session: Session,
  studentId: string,
  interventionId: string,
): Intervention {
  const row = ctx.store.sqlite
    .prepare('SELECT * FROM interventions WHERE id = ? AND deleted_at IS NULL')
    .get(interventionId) as Intervention | undefined;
  if (!row || row.student_id !== studentId) {
    throw new ApiError('not_found', 'That intervention does not exist for this student.');
  }
  if (!mayEdit(session, row)) {
    throw new ApiError(
      'forbidden',
      'Only its champion, the teacher who started it, counselors and school administrators can change this intervention.',
    );
  }
  return row;
}

function audit(
  ctx: CallContext,
  session: Session,
  action: string,
  interventionId: string,
  studentId: string,
  detail: Record<string, unknown>,
): void {
  writeAudit(ctx.store, {
    actor: { staffId: session.staff.id, role: session.staff.role },
    action,
    entityType: 'intervention',
    entityId: interventionId,
    studentId,
    detail,
  });
  ctx.events.emit('data.changed', { tables: ['interventions'] });
}
