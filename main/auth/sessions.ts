import { randomBytes } from 'node:crypto';
import type { StaffSummary } from '../api/contract';
import type { Scope } from '../scope/scope';

export interface Session {
  id: string;
  staff: StaffSummary;
  scope: Scope;
  createdAt: number;
}

/**
 * Signed-in staff, held in the host's memory only: a restart signs everyone out. Session ids
 * are unguessable so one browser tab cannot borrow another's identity.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();

  create(staff: StaffSummary, scope: Scope): Session {
    const session: Session = {
      id: randomBytes(24).toString('base64url'),
      staff,
      scope,
      createdAt: Date.now(),
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  get(id: string | null | undefined): Session | null {
    return (id && this.#sessions.get(id)) || null;
  }

  delete(id: string | null | undefined): void {
    if (id) this.#sessions.delete(id);
  }
}
