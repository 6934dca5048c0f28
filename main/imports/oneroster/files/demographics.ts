/**
 * demographics.csv → demographics and students.birth_date, for students only (a row's
 * sourcedId is its user's). The race flags become one federal reporting category in the
 * vocabulary the rest of Sightline uses (db/seed/demographics.ts): Hispanic/Latino of any race
 * reports as hispanic_latino, two or more races as two_or_more. Disability, 504, EL and FRL are
 * not in OneRoster: those columns are left as they are.
 */
import type { DemographicsTable } from '../../../../db/schema';
import { fromUpsert, type RowImporter, type RowResult } from '../../importer';
import { prepareSyncedUpsert } from '../../write/synced-upsert';
import { tombstoneAbsent } from '../file-session';
import { RosterRefs } from '../refs';
import { columns, rosterImporter, type FileEnv } from '../row-frame';
import { parseFlag, parseIsoDate, q } from '../values';

const RACE_FLAGS: readonly [string, string][] = [
  ['americanIndianOrAlaskaNative', 'american_indian_alaska_native'],
  ['asian', 'asian'],
  ['blackOrAfricanAmerican', 'black'],
  ['nativeHawaiianOrOtherPacificIslander', 'native_hawaiian_pacific_islander'],
  ['white', 'white'],
];

const FLAG_COLUMNS = [
  ...RACE_FLAGS.map(([c]) => c),
  'demographicRaceTwoOrMoreRaces',
  'hispanicOrLatinoEthnicity',
];

/** OneRoster 1.2 sex (male, female, other, unspecified) onto ours; other has no own value. */
function sexOf(text: string): DemographicsTable['sex'] | null {
  const s = text.trim().toLowerCase();
  if (s === 'female' || s === 'f') return 'female';
  if (s === 'male' || s === 'm') return 'male';
  if (s === '' || s === 'other' || s === 'unspecified') return 'unspecified';
  return null;
}

export function demographicsImporter(env: FileEnv): RowImporter {
  const fields = columns(
    env.session.mode,
    [],
    [
      'birthDate',
      'sex',
      ...FLAG_COLUMNS,
      'countryOfBirthCode',
      'stateOfBirthAbbreviation',
      'cityOfBirth',
      'publicSchoolResidenceStatus',
    ],
  );
  return rosterImporter(env, 'OneRoster demographics', fields, (ctx) => {
    const refs = new RosterRefs(ctx.sqlite, ctx.sourceSystem);
    const upsert = prepareSyncedUpsert(
      ctx.sqlite,
      'demographics',
      ['student_id', 'sex', 'race_ethnicity', 'hispanic_latino'],
      ctx.sourceSystem,
      ctx.now,
    );
    const setBirthDate = ctx.sqlite.prepare(
      'UPDATE students SET birth_date = @birth, updated_at = @now WHERE id = @id AND birth_date IS NOT @birth',
    );
    // demographics.student_id is unique across sources: a row from another source is not ours
    // to overwrite, and saying so beats a constraint error.
    const otherSource = ctx.sqlite
      .prepare(
        'SELECT source_system FROM demographics WHERE student_id = ? AND source_system IS NOT ? LIMIT 1',
      )
      .pluck();

    return {
      upsert: ({ sourcedId, data }): RowResult => {
        const person = refs.person(sourcedId);
        if (!person) {
          return {
            reason: `No user with sourcedId ${q(sourcedId)} is a student or staff member from users.csv. A demographics row's sourcedId must be its user's.`,
          };
        }
        if (person.kind !== 'student') {
          return env.session.ignore(
            'Demographics are kept for students only; rows for staff are not stored.',
          );
        }
        const birthText = data.get('birthDate');
        const birthDate = birthText === '' ? null : parseIsoDate(birthText);
        if (birthText !== '' && !birthDate)
          return { reason: `birthDate ${q(birthText)} is not a date (YYYY-MM-DD).` };
        const sex = sexOf(data.get('sex'));
        if (!sex)
          return {
            reason: `sex ${q(data.get('sex'))} must be male, female, other or unspecified.`,
          };
        const flags = new Map<string, boolean | undefined>();
        for (const column of FLAG_COLUMNS) {
          const flag = parseFlag(data.get(column));
          if (flag === null)
            return { reason: `${column} ${q(data.get(column))} must be true or false.` };
          flags.set(column, flag);
        }
        const other = otherSource.get(person.id, ctx.sourceSystem) as string | null | undefined;
        if (other !== undefined) {
          return {
            reason: `This student already has demographics from another source (${other ?? 'entered in Sightline'}); Sightline keeps one demographics record per student.`,
          };
        }

        const races = RACE_FLAGS.filter(([column]) => flags.get(column) === true).map(
          ([, value]) => value,
        );
        const hispanic = flags.get('hispanicOrLatinoEthnicity');
        const race =
          hispanic === true
            ? 'hispanic_latino'
            : flags.get('demographicRaceTwoOrMoreRaces') === true || races.length > 1
              ? 'two_or_more'
              : (races[0] ?? null);
        const { outcome } = upsert({
          sourceId: sourcedId,
          districtId: person.districtId,
          schoolId: person.schoolId,
          values: {
            student_id: person.id,
            sex,
            race_ethnicity: race,
            hispanic_latino: hispanic === undefined ? null : hispanic ? 1 : 0,
          },
        });
        if (outcome !== 'added' && outcome !== 'updated' && outcome !== 'unchanged') {
          return fromUpsert(outcome, 'sourcedId');
        }
        const birthChanged =
          setBirthDate.run({ birth: birthDate, now: ctx.now, id: person.id }).changes > 0;
        return { outcome: outcome === 'unchanged' && birthChanged ? 'updated' : outcome };
      },
      remove: ({ sourcedId }) => ({
        outcome: upsert.remove(sourcedId) === 'deleted' ? 'deleted' : 'unchanged',
      }),
      finish:
        env.session.mode === 'bulk'
          ? () => {
              env.session.absentDeleted += tombstoneAbsent(ctx, 'demographics', env.session.seen);
            }
          : undefined,
    };
  });
}
