import { RoleIndex } from './people';
import type { PreRow } from './pre-read';

/** What the files of one bundle share while it is imported, file after file. */
export interface BundleState {
  sourceSystem: string;
  /** orgs.csv and academicSessions.csv read ahead, so parents are written before children. */
  orgRows: readonly PreRow[];
  sessionRows: readonly PreRow[];
  /** roles.csv read ahead: users.csv needs each user's role to place them. */
  roles: RoleIndex;
  /** users.csv's timestamp: people with this created_at were added by this bundle. */
  usersNow: number | null;
}

export function emptyBundleState(sourceSystem: string): BundleState {
  return { sourceSystem, orgRows: [], sessionRows: [], roles: RoleIndex.empty(), usersNow: null };
}
