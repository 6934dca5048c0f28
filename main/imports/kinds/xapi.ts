import { createHash } from 'node:crypto';
import type { IsoDate } from '../../../db/schema';
import type { ImportContext, JsonImporter, RowResult } from '../importer';
import type { StudentRef } from '../lookups';
import { parseDateTime } from '../read/dates';
import { RowSet, prepareSyncedUpsert } from '../write/synced-upsert';
import { parseIsoDuration } from './common';
import { LMS_COLUMNS, LMS_IDENTITY } from './lms-activity';

/**
 * Roll-ups are written under one source system whatever the file is called: they are
 * recomputed from every statement on record for the day, so two LRS exports of the same
 * student's day must land on one lms_activity row, not two that the pipeline would add up.
 */
export const XAPI_SOURCE = 'xapi';

/** Marks a statement another one voided: kept (so a re-import does not revive it), not counted. */
const VOIDED_PREFIX = 'voided:';
const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/** The verb's own word: "launched" for http://adlnet.gov/expapi/verbs/launched. */
export function verbName(id: string): string {
  return (id.split(/[/#]/).pop() ?? '').toLowerCase();
}

/** launched / initialized open a session; completed / submitted hand work in. */
export function verbKind(id: string): 'session' | 'submission' | 'other' {
  const name = verbName(id);
  if (name === 'launched' || name === 'initialized') return 'session';
  if (name === 'completed' || name === 'submitted') return 'submission';
  return 'other';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** JSON with object keys sorted, so equal statements hash equal whatever the key order. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Properties an LRS sets when it stores a statement: not part of what the learner did. */
const ADDED_BY_LRS = new Set(['stored', 'authority', 'version']);

/**
 * The statement's id, or for one without, a UUID-shaped digest of its content (minus what an
 * LRS adds on storing), so the same statement imported twice is recognised.
 */
export function statementId(statement: Obj): string {
  const id = text(statement.id);
  if (id) return id.toLowerCase();
  const content: Obj = {};
  for (const [key, v] of Object.entries(statement)) if (!ADDED_BY_LRS.has(key)) content[key] = v;
  const h = createHash('sha256').update(canonical(content)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The spellings an actor could be known by in the SIS. Students have no email on record, so
 * an mbox is tried whole and by its local part (districts usually build student addresses
 * from the student number or the SIS login); an account is tried by its name (and local part
 * when the name is an address).
 */
export function actorKeys(actor: Obj): string[] {
  const keys: string[] = [];
  const add = (address: string) => {
    if (!address) return;
    keys.push(address);
    const at = address.indexOf('@');
    if (at > 0) keys.push(address.slice(0, at));
  };
  if (isObject(actor.account)) add(text(actor.account.name));
  add(text(actor.mbox).replace(/^mailto:/i, ''));
  return keys;
}

/**
 * The statement's class, if it names one we know: a grouping or parent activity whose id (or
 * the last segment of its URL, as in https://lms.example.org/courses/SEC-1) is a section's, or
 * an object whose id is exactly one (a "launched course" statement).
 */
function findSection(ctx: ImportContext, statement: Obj): string | null {
  const context = statement.context;
  const activities =
    isObject(context) && isObject(context.contextActivities) ? context.contextActivities : {};
  for (const key of ['grouping', 'parent']) {
    const list = activities[key];
    for (const activity of Array.isArray(list) ? list : [list]) {
      const iri = isObject(activity) ? text(activity.id) : '';
      if (!iri) continue;
      const section = ctx.lookups.section(iri) ?? ctx.lookups.section(lastSegment(iri));
      if (section) return section.id;
    }
  }
  const object = isObject(statement.object) ? text(statement.object.id) : '';
  return (object && ctx.lookups.section(object)?.id) || null;
}

/** "https://lms.example.org/courses/SEC-1?x=1" → "SEC-1". */
function lastSegment(iri: string): string {
  return (
    iri
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? ''
  );
}

interface Stored {
  rid: number;
  student_id: string;
  section_id: string | null;
  date: IsoDate;
  verb: string;
  minutes: number;
  import_id: string;
}

interface DayKey {
  student: StudentRef;
  sectionId: string | null;
  date: IsoDate;
}

function sameStatement(a: Stored, b: Omit<Stored, 'import_id' | 'rid'>): boolean {
  return (
    a.student_id === b.student_id &&
    a.section_id === b.section_id &&
    a.date === b.date &&
    a.verb === b.verb &&
    Math.abs(a.minutes - b.minutes) < 1e-9
  );
}

function openStatements(ctx: ImportContext) {
  const importId = ctx.importId;
  if (!importId) throw new Error('xAPI statements are imported through importJsonLinesFile.');
  const { sqlite } = ctx;
  const find = sqlite.prepare(
    `SELECT rowid AS rid, student_id, section_id, date, verb, minutes, import_id
     FROM lms_statements WHERE id = ?`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO lms_statements (id, student_id, section_id, date, verb, minutes, import_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const voidIt = sqlite.prepare(`UPDATE lms_statements SET verb = ? || verb WHERE id = ?`);
  const dayRows = sqlite.prepare(
    'SELECT verb, minutes FROM lms_statements WHERE student_id = ? AND date = ? AND section_id IS ?',
  );
  const staff = new Set(
    (
      sqlite
        .prepare('SELECT lower(email) FROM staff WHERE email IS NOT NULL AND deleted_at IS NULL')
        .pluck()
        .all() as string[]
    ).filter(Boolean),
  );
  // Statements already on record that this file has met once: a second meeting is a duplicate.
  const seen = new RowSet();
  // Days whose roll-up must be recomputed once every statement of the file is in.
  const touched = new Map<string, DayKey>();
  const touch = (student: StudentRef, sectionId: string | null, date: IsoDate) =>
    touched.set(`${student.id}|${sectionId ?? ''}|${date}`, { student, sectionId, date });

  const voiding = (statement: Obj): RowResult => {
    const target = isObject(statement.object) ? text(statement.object.id).toLowerCase() : '';
    const found = target ? (find.get(target) as Stored | undefined) : undefined;
    // A scoped import may void only its own students' statements; others are "not on record".
    const student = found && ctx.lookups.student(found.student_id);
    const row = student ? found : undefined;
    if (!row || !student) {
      return {
        reason: `This statement voids statement “${target}”, which is not on record. Import the file holding that statement first, then this file again.`,
      };
    }
    if (row.verb.startsWith(VOIDED_PREFIX)) return { outcome: 'unchanged' };
    voidIt.run(VOIDED_PREFIX, target);
    touch(student, row.section_id, row.date);
    return { outcome: 'deleted' };
  };

  const write = (value: unknown): RowResult => {
    if (!isObject(value)) {
      return {
        reason:
          'This is not an xAPI statement: expected a JSON object with actor, verb, object and timestamp.',
      };
    }
    const statement = value;
    const verb = isObject(statement.verb) ? text(statement.verb.id) : '';
    if (!verb)
      return { reason: 'The statement has no verb id (verb.id), so it cannot be counted.' };
    if (verb === VOIDED_VERB) return voiding(statement);
    const actor = statement.actor;
    if (!isObject(actor))
      return { reason: 'The statement has no actor, so it cannot be matched to a student.' };
    if (text(actor.objectType) === 'Group') {
      return {
        reason:
          'The actor is a group; Sightline counts activity per student. Export statements per learner.',
      };
    }
    const keys = actorKeys(actor);
    if (keys.some((k) => staff.has(k.toLowerCase()))) return { outcome: 'ignored' };
    const student = keys.map((k) => ctx.lookups.student(k)).find(Boolean);
    if (!student) {
      const who =
        keys[0] ??
        (text(actor.mbox_sha1sum) ? 'an mbox_sha1sum' : text(actor.name) || 'an unnamed actor');
      return {
        reason: `No student matches the actor “${who}”. Students are matched by SIS ID or student number: the LMS account name, or the part of the email before @, must be one of those.`,
      };
    }
    const timeZone = ctx.lookups.timeZone(student.districtId);
    const when = text(statement.timestamp) || text(statement.stored);
    const at = when ? parseDateTime(when, 'YMD', timeZone) : null;
    if (!at) {
      return {
        reason: when
          ? `The timestamp “${when}” is not an ISO 8601 date and time (e.g. 2025-09-03T14:05:00Z).`
          : 'The statement has no timestamp, so its day is unknown.',
      };
    }
    const result = statement.result;
    const durationText = isObject(result) ? text(result.duration) : '';
    const minutes = durationText ? parseIsoDuration(durationText) : 0;
    if (minutes === null) {
      return {
        reason: `The duration “${durationText}” is not an ISO 8601 duration (e.g. PT20M or PT1H5M30S).`,
      };
    }
    const sectionId = findSection(ctx, statement);

    const id = statementId(statement);
    const fresh = { student_id: student.id, section_id: sectionId, date: at.date, verb, minutes };
    const existing = find.get(id) as Stored | undefined;
    if (existing) {
      const same = sameStatement(existing, fresh) || existing.verb === VOIDED_PREFIX + verb;
      if (existing.import_id === importId || seen.has(existing.rid)) {
        return same
          ? {
              reason: `Exact duplicate of an earlier statement in this file (id ${id}); kept once.`,
            }
          : {
              reason: `Another statement earlier in this file has the id ${id} with different content; the earlier one was kept. Statement ids must be unique.`,
            };
      }
      seen.add(existing.rid);
      return same
        ? { outcome: 'unchanged' }
        : {
            reason: `A statement with the id ${id} was already imported with different content; xAPI statements never change, so the first one was kept. A corrected statement needs a new id.`,
          };
    }
    insert.run(id, student.id, sectionId, at.date, verb, minutes, importId, ctx.now);
    touch(student, sectionId, at.date);
    return { outcome: 'added' };
  };

  /**
   * Recomputes each touched day from every statement on record for it: sessions are the
   * launched/initialized statements (at least 1 on a day with any activity), minutes the sum of
   * durations, submissions the completed/submitted statements.
   */
  const finish = () => {
    const upsert = prepareSyncedUpsert(
      sqlite,
      'lms_activity',
      LMS_COLUMNS,
      XAPI_SOURCE,
      ctx.now,
      LMS_IDENTITY,
    );
    const tombstone = sqlite.prepare(
      `UPDATE lms_activity SET deleted_at = ?, updated_at = ?
       WHERE student_id = ? AND date = ? AND ifnull(section_id, '') = ? AND source_system = ?
         AND deleted_at IS NULL`,
    );
    for (const { student, sectionId, date } of touched.values()) {
      let statements = 0;
      let sessions = 0;
      let submissions = 0;
      let minutes = 0;
      for (const row of dayRows.iterate(student.id, date, sectionId) as IterableIterator<{
        verb: string;
        minutes: number;
      }>) {
        if (row.verb.startsWith(VOIDED_PREFIX)) continue;
        statements++;
        minutes += row.minutes;
        const kind = verbKind(row.verb);
        if (kind === 'session') sessions++;
        else if (kind === 'submission') submissions++;
      }
      let changed: boolean;
      if (statements === 0) {
        changed =
          tombstone.run(ctx.now, ctx.now, student.id, date, sectionId ?? '', XAPI_SOURCE).changes >
          0;
      } else {
        const { outcome } = upsert({
          sourceId: null,
          districtId: student.districtId,
          schoolId: student.schoolId,
          values: {
            student_id: student.id,
            section_id: sectionId,
            date,
            sessions: Math.max(1, sessions),
            active_minutes: Math.round(minutes),
            submissions,
          },
        });
        changed = outcome === 'added' || outcome === 'updated';
      }
      if (changed) ctx.dirty.mark(student.id, date);
    }
    touched.clear();
  };

  return { write, finish };
}

export const xapiImporter: JsonImporter = {
  kind: 'xapi',
  title: 'xAPI statements (LMS activity)',
  fileNameHints: ['xapi', 'statements', 'lrs', 'tincan', 'cmi5'],
  defaultSourceSystem: XAPI_SOURCE,
  open: openStatements,
};
