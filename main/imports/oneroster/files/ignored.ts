/**
 * Bundle files Sightline reads but does not store: userProfiles (logins to other apps) and the
 * gradebook and resources files (grades come in through the grades import). Every row is
 * counted as ignored with the reason, so a person sees the file was read, not lost.
 */
import type { RowImporter } from '../../importer';
import type { DataFile } from '../manifest';
import type { FileEnv } from '../row-frame';

const REASONS: Partial<Record<DataFile, string>> = {
  userProfiles: 'User profiles hold accounts for other applications; Sightline does not use them.',
  categories: 'OneRoster gradebook files are not imported; use the grades import for marks.',
  lineItems: 'OneRoster gradebook files are not imported; use the grades import for marks.',
  results: 'OneRoster gradebook files are not imported; use the grades import for marks.',
};

export function ignoredFileImporter(env: FileEnv): RowImporter {
  const reason =
    REASONS[env.session.file] ??
    `${env.session.file}.csv (gradebook or resources data) is not something Sightline stores.`;
  return {
    kind: 'oneroster',
    title: `OneRoster ${env.session.file}`,
    // No required columns: nothing is read from these files but their rows.
    fields: [],
    fileNameHints: [],
    defaultSourceSystem: 'oneroster',
    open(ctx) {
      env.session.now = ctx.now;
      return () => env.session.ignore(reason);
    },
  };
}
