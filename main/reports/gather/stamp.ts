import type SQLite from 'better-sqlite3';
import type { IsoDate } from '../../../db/schema';
import type { Session } from '../../auth/sessions';
import { today } from '../../interventions/schedule';
import type { ReportStamp } from '../report-data';
import { ROLE_WORDS } from '../render/words';

/** Who asked, today's date, the data date and the active model, for every page's footer. */
export function reportStamp(
  sqlite: SQLite.Database,
  session: Session,
  dataAsOf: IsoDate | null,
): ReportStamp {
  const model = sqlite
    .prepare("SELECT id, name FROM model_versions WHERE status = 'active' LIMIT 1")
    .get() as { id: string; name: string } | undefined;
  const { givenName, familyName, role } = session.staff;
  return {
    preparedFor: `${givenName} ${familyName} (${ROLE_WORDS[role]})`,
    printedOn: today(),
    dataAsOf,
    model: model ?? null,
  };
}
