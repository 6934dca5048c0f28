/**
 * orgs.csv → districts and schools. Other org types (department, local, state, national) are
 * read for the parentSourcedId chain and counted as ignored. A school belongs to the nearest
 * district above it; the district is written first even when the file lists it later.
 */
import { fromUpsert, type RowImporter, type RowResult } from '../../importer';
import { prepareSyncedUpsert } from '../../write/synced-upsert';
import { tombstoneAbsent } from '../file-session';
import { ParentFirst } from '../parent-first';
import type { PreRow } from '../pre-read';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { profileFromName, type SchoolProfile } from '../school-profile';
import { q } from '../values';

const ORG_TYPES = ['department', 'school', 'district', 'local', 'state', 'national'];
/** How far up a parentSourcedId chain to look for a district before calling it a loop. */
const MAX_DEPTH = 12;

export function orgsImporter(env: FileEnv): RowImporter {
  const fields = columns(env.session.mode, ['name', 'type'], ['identifier', 'parentSourcedId']);
  return rosterImporter(env, 'OneRoster orgs', fields, (ctx) => {
    const { sqlite, sourceSystem } = ctx;
    const refs = new RosterRefs(sqlite, sourceSystem);
    const districts = prepareSyncedUpsert(sqlite, 'districts', ['name'], sourceSystem, ctx.now);
    const schools = prepareSyncedUpsert(
      sqlite,
      'schools',
      ['name', 'school_type', 'grade_low', 'grade_high'],
      sourceSystem,
      ctx.now,
    );
    // Any row with this identity, tombstoned or not: a revived row keeps its id.
    const idOf = (table: 'districts' | 'schools', sourcedId: string) =>
      sqlite
        .prepare(`SELECT id FROM ${table} WHERE source_system = ? AND source_id = ?`)
        .pluck()
        .get(sourceSystem, sourcedId) as string | undefined;
    const keptProfile = sqlite.prepare(
      'SELECT school_type, grade_low, grade_high FROM schools WHERE source_system = ? AND source_id = ?',
    );
    // A district is its own scope (district_id = id), a school too (school_id = id); a new row's
    // id is only known once the upsert has made it.
    const selfDistrict = sqlite.prepare(
      'UPDATE districts SET district_id = id WHERE id = ? AND district_id IS NOT id',
    );
    const selfSchool = sqlite.prepare(
      'UPDATE schools SET school_id = id WHERE id = ? AND school_id IS NOT id',
    );
    const inFile = new Map(
      env.bundle.orgRows.map((r) => [
        r.get('sourcedId'),
        { type: r.get('type'), parent: r.get('parentSourcedId') },
      ]),
    );

    const districtAbove = (
      sourcedId: string,
      parentId: string,
    ): { id: string } | { reason: string } => {
      let parent = parentId;
      for (let depth = 0; depth < MAX_DEPTH; depth++) {
        if (parent === '') {
          return {
            reason: `School ${q(sourcedId)} has no district above it: set its parentSourcedId to the sourcedId of its district in orgs.csv.`,
          };
        }
        const listed = inFile.get(parent);
        if (listed && listed.type !== 'district') {
          parent = listed.parent; // a department or local org between school and district
          continue;
        }
        if (listed) {
          const problem = order.ensure(parent);
          if (problem) return { reason: `Its district ${q(parent)} was not imported: ${problem}` };
        }
        const ref = refs.org(parent);
        if (!ref) {
          return {
            reason: `parentSourcedId ${q(parent)} is not in orgs.csv (nor an org imported before). Add the district to orgs.csv or fix parentSourcedId.`,
          };
        }
        return { id: ref.districtId };
      }
      return {
        reason: `No district found within ${MAX_DEPTH} levels of parentSourcedId above ${q(sourcedId)}; check the chain for a loop.`,
      };
    };

    const write = (row: PreRow): RowResult => {
      const sourcedId = row.get('sourcedId');
      const name = row.get('name');
      const type = row.get('type');
      if (name === '') return { reason: 'name is empty: every org needs a name.' };
      if (type === 'district') {
        const known = idOf('districts', sourcedId);
        const { outcome, id } = districts({
          sourceId: sourcedId,
          districtId: known ?? '',
          schoolId: null,
          values: { name },
        });
        if (id) {
          selfDistrict.run(id);
          refs.rememberOrg(sourcedId, { table: 'districts', id, districtId: id, name });
        }
        return fromUpsert(outcome, 'sourcedId');
      }
      if (type === 'school') {
        const district = districtAbove(sourcedId, row.get('parentSourcedId'));
        if ('reason' in district) return district;
        // The span is re-derived from students after the roster is in: keep it, don't reset it.
        const profile =
          (keptProfile.get(sourceSystem, sourcedId) as SchoolProfile | undefined) ??
          profileFromName(name);
        const { outcome, id } = schools({
          sourceId: sourcedId,
          districtId: district.id,
          schoolId: idOf('schools', sourcedId) ?? null,
          values: { name, ...profile },
        });
        if (id) {
          selfSchool.run(id);
          refs.rememberOrg(sourcedId, { table: 'schools', id, districtId: district.id, name });
        }
        return fromUpsert(outcome, 'sourcedId');
      }
      if (ORG_TYPES.includes(type) || type.startsWith('ext:')) {
        return env.session.ignore(
          `Only district and school orgs are stored; ${type} orgs are read to find each school's district.`,
        );
      }
      return {
        reason: `Org type ${q(type)} is not a OneRoster org type: use one of ${ORG_TYPES.join(', ')}.`,
      };
    };
    const order = new ParentFirst(env.bundle.orgRows, write);

    return {
      upsert: (row) => order.take(row.ordinal, row.data),
      remove: ({ sourcedId }) =>
        [districts.remove(sourcedId), schools.remove(sourcedId)].includes('deleted')
          ? { outcome: 'deleted' }
          : { outcome: 'unchanged' },
      finish:
        env.session.mode === 'bulk'
          ? () => {
              env.session.absentDeleted +=
                tombstoneAbsent(ctx, 'districts', env.session.seen) +
                tombstoneAbsent(ctx, 'schools', env.session.seen);
            }
          : undefined,
    };
  });
}
