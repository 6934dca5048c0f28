/**
 * The deterministic demo district: one full 2025–26 school year for N students, written into an
 * already-migrated, empty Sightline database. Same seed + same student count → identical rows.
 * See README.md in this folder for the generative story and its parameters.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { buildCalendar, dayNumber, isoDate, localMs, SCHOOL_YEAR } from './calendar';
import { planDistrict } from './district-plan';
import { IdFactory, pad } from './ids';
import { EmailBook } from './names';
import { LATENT } from './parameters';
import { Rng } from './prng';
import { common } from './rows';
import { generateSchool, type DistrictContext } from './school';
import { SeedWriter } from './writer';

export interface GenerateOptions {
  students: number;
  seed: number;
  onProgress?: (fraction: number, message: string) => void;
}

export interface GenerateResult {
  districtId: string;
  schools: number;
  students: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  /** The last instructional day, `YYYY-MM-DD`: the date the demo data is "as of". */
  dataAsOf: string;
}

export const DEFAULT_STUDENTS = 2000;
export const DEFAULT_SEED = 20260529;
export const DISTRICT_NAME = 'Sightline Demo Unified School District';

/** Larger page cache while bulk loading; the connection's own setting is restored after. */
const BULK_CACHE_KIB = 131_072;

export function generateDemoDistrict(
  sqlite: BetterSqlite3.Database,
  options: GenerateOptions,
): GenerateResult {
  const { students, onProgress } = options;
  if (!Number.isSafeInteger(options.seed)) throw new RangeError('seed must be a safe integer');
  const seed = options.seed >>> 0 === options.seed ? options.seed : hashSeed(options.seed);
  const plans = planDistrict(students);
  const existing = Number(sqlite.prepare('SELECT count(*) FROM districts').pluck().get());
  if (existing > 0) throw new Error('generateDemoDistrict needs an empty, migrated database');

  const report = (fraction: number, message: string) =>
    onProgress?.(Math.min(1, fraction), message);
  report(0, 'Planning the district');
  const calendar = buildCalendar();
  const setupMs = localMs(dayNumber('2025-08-01'), 8);
  // The single "birth" timestamp of every id: the evening of the last school day.
  const ids = new IdFactory(seed, localMs(calendar.dataAsOf, 18));
  const writer = new SeedWriter(sqlite);
  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  const previousForeignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  const previousSynchronous = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  // A half-written demo database is thrown away, not recovered, so skip the fsyncs that every
  // WAL checkpoint would otherwise do during the load; the caller's setting returns after.
  sqlite.pragma('synchronous = OFF');
  // Every reference is to a row this run has just written, so per-row foreign-key lookups only
  // cost time (~30% of the load); the tests run PRAGMA foreign_key_check over the result.
  sqlite.pragma('foreign_keys = OFF');

  try {
    const district = common(ids, '', null, 'district', setupMs);
    const districtId = district.id;
    district.district_id = districtId;
    writer.insert('districts', district, { name: DISTRICT_NAME, timezone: 'America/Chicago' });

    const session = (
      key: string,
      title: string,
      type: 'school_year' | 'semester' | 'grading_period',
      start: string,
      end: string,
      parentId: string | null,
    ): string => {
      const row = common(ids, districtId, null, `ses-${SCHOOL_YEAR.schoolYear}-${key}`, setupMs);
      writer.insert('academic_sessions', row, {
        title,
        session_type: type,
        parent_id: parentId,
        start_date: start,
        end_date: end,
        school_year: SCHOOL_YEAR.schoolYear,
      });
      return row.id;
    };
    const year = session(
      'year',
      SCHOOL_YEAR.title,
      'school_year',
      SCHOOL_YEAR.start,
      SCHOOL_YEAR.end,
      null,
    );
    const sessionIds = { year } as DistrictContext['sessionIds'];
    for (const semester of SCHOOL_YEAR.semesters) {
      const semesterId = session(
        semester.key,
        semester.title,
        'semester',
        semester.start,
        semester.end,
        year,
      );
      sessionIds[semester.key] = semesterId;
      for (const q of semester.quarters) {
        sessionIds[q.key] = session(q.key, q.title, 'grading_period', q.start, q.end, semesterId);
      }
    }

    const emails = new EmailBook();
    let staffSeq = 0;
    writer.insert('staff', common(ids, districtId, null, `stf-${pad(++staffSeq, 5)}`, setupMs), {
      given_name: 'Dana',
      family_name: 'Whitfield',
      email: emails.email({ given: 'Dana', family: 'Whitfield' }),
      role: 'district_admin',
    });

    const schoolEffects = centred(
      plans.map((plan) =>
        Rng.derive(seed, 'school-effect', plan.number).normal(0, LATENT.schoolEffectSd),
      ),
    );
    let done = 0;
    let firstSeq = 1;
    for (const [i, plan] of plans.entries()) {
      const label = `${plan.name} (${i + 1} of ${plans.length})`;
      report(done / students, `Generating ${label}`);
      const every = Math.max(1, Math.floor(plan.students / 20));
      const ctx: DistrictContext = {
        seed,
        calendar,
        ids,
        writer,
        emails,
        districtId,
        sessionIds,
        setupMs,
        nextStaffSeq: () => ++staffSeq,
        onStudent: (n) => {
          if (n % every === 0) report((done + n) / students, `Simulating ${label}`);
        },
      };
      generateSchool(ctx, plan, firstSeq, schoolEffects[i] ?? 0);
      done += plan.students;
      firstSeq += plan.students;
    }
    writer.commit();
    report(1, 'Done');
    return {
      districtId,
      schools: plans.length,
      students,
      rows: { ...writer.counts },
      dataAsOf: isoDate(calendar.dataAsOf),
    };
  } catch (error) {
    writer.rollback();
    throw error;
  } finally {
    sqlite.pragma(`cache_size = ${previousCache}`);
    sqlite.pragma(`foreign_keys = ${previousForeignKeys ? 'ON' : 'OFF'}`);
    sqlite.pragma(`synchronous = ${previousSynchronous}`);
  }
}

function centred(values: number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v - mean);
}

/** Seeds outside the uint32 range are folded into it so every safe integer is a valid seed. */
function hashSeed(seed: number): number {
  const hi = Math.floor(seed / 2 ** 32);
  return (Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ (seed >>> 0)) >>> 0;
}
