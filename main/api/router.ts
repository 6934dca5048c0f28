/**
 * The one door into the core. Every host (Electron IPC, browser HTTP, CLI) calls `router.call`,
 * which validates input against the contract, checks the session and role scope, writes the
 * audit rows FERPA asks for, and turns every failure into a typed ApiError a person can read.
 */
import { z } from 'zod';
import type { Store } from '../store/open';
import type { CoreEvents } from '../app/events';
import type { Staging } from '../imports/staging';
import type { JobRunner } from '../jobs/runner';
import type { Session, SessionRegistry } from '../auth/sessions';
import { writeAudit } from '../audit/log';
import { assertStudentVisible } from '../scope/scope';
import {
  ApiError,
  inputs,
  PUBLIC_METHODS,
  type ApiErrorBody,
  type HostKind,
  type Method,
  type Output,
  type ParsedInput,
} from './contract';

export interface CallContext {
  store: Store;
  host: HostKind;
  appVersion: string;
  sessions: SessionRegistry;
  session: Session | null;
  jobs: JobRunner;
  staging: Staging;
  events: CoreEvents;
}

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: CallContext,
) => Promise<Output<M>> | Output<M>;
export type HandlerMap = { [M in Method]: Handler<M> };

export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/** Opening these is a disclosure of a student record: each call leaves an audit row. */
const AUDITED: Partial<Record<Method, string>> = {
  'students.profile': 'student.profile.view',
};

/** The session of a signed-in caller; the router has already refused anonymous calls. */
export function signedIn(ctx: CallContext): Session {
  if (!ctx.session) throw new ApiError('unauthenticated', 'Please sign in first.');
  return ctx.session;
}

function isMethod(name: string): name is Method {
  return Object.hasOwn(inputs, name);
}

function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.') || '(input)',
    message: issue.message,
  }));
}

export interface Router {
  call(method: string, input: unknown, sessionId: string | null): Promise<CallResult>;
}

export function createRouter(
  base: Omit<CallContext, 'session'>,
  handlers: HandlerMap,
  log: (message: string) => void = (m) => console.error(m),
): Router {
  async function dispatch(method: string, rawInput: unknown, sessionId: string | null) {
    if (!isMethod(method)) {
      throw new ApiError('unknown_method', `There is no API method called “${method}”.`);
    }
    const parsed = inputs[method].safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      throw new ApiError(
        'invalid_input',
        `The request to ${method} was not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    const session = base.sessions.get(sessionId);
    if (!session && !PUBLIC_METHODS.has(method)) {
      throw new ApiError('unauthenticated', 'Your session has ended. Please sign in again.');
    }
    const ctx: CallContext = { ...base, session };
    const input = parsed.data as { studentId?: string };
    if (session && typeof input.studentId === 'string') {
      try {
        await assertStudentVisible(base.store.db, session.scope, input.studentId);
      } catch (error) {
        writeAudit(base.store, {
          actor: { staffId: session.staff.id, role: session.staff.role },
          action: 'student.access.denied',
          entityType: 'student',
          entityId: input.studentId,
          studentId: input.studentId,
          detail: { method },
        });
        throw error;
      }
    }
    const handler = handlers[method] as Handler<Method>;
    const value = await handler(parsed.data as ParsedInput<Method>, ctx);
    const action = AUDITED[method];
    if (action && session) {
      writeAudit(base.store, {
        actor: { staffId: session.staff.id, role: session.staff.role },
        action,
        entityType: 'student',
        entityId: input.studentId ?? null,
        studentId: input.studentId ?? null,
        detail: { host: base.host },
      });
    }
    return value;
  }

  return {
    async call(method, input, sessionId) {
      try {
        return { ok: true, value: await dispatch(method, input, sessionId) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
        const sqliteCode = (error as { code?: unknown }).code;
        if (sqliteCode === 'SQLITE_CORRUPT' || sqliteCode === 'SQLITE_NOTADB') {
          log(`[api] ${method}: database damaged: ${(error as Error).message}`);
          return {
            ok: false,
            error: {
              code: 'unavailable',
              message:
                'Sightline’s local database file is damaged, so this could not be read. Nothing was changed. Restore the file from a backup, or ask your district to re-sync this laptop.',
            },
          };
        }
        if (sqliteCode === 'SQLITE_BUSY') {
          return {
            ok: false,
            error: {
              code: 'unavailable',
              message:
                'An import is writing to the local database right now, so this could not be saved. Nothing was changed; try again when the import has finished.',
            },
          };
        }
        log(`[api] ${method} failed: ${(error as Error).stack ?? String(error)}`);
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `Sightline hit an unexpected problem while running ${method}. Nothing was changed; try again, and if it keeps happening, send the host's log to your district's support.`,
          },
        };
      }
    },
  };
}
