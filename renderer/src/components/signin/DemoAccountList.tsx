import { useTranslation } from 'react-i18next';
import type { StaffRole, StaffSummary } from '../../api/types';
import { ROLE_LABELS, ROLE_ORDER } from '../../domain/labels';
import { wordMessage } from '../../i18n/messages';

interface DemoAccountListProps {
  accounts: StaffSummary[];
  /** The account being signed in to, if any: its button says so and the others wait. */
  signingInAs: string | null;
  onChoose: (staffId: string) => void;
}

/** Demo accounts grouped by role, each a button with the account's scope in one line. */
export function DemoAccountList({ accounts, signingInAs, onChoose }: DemoAccountListProps) {
  const groups = ROLE_ORDER.map((role) => ({
    role,
    accounts: accounts.filter((a) => a.role === role),
  })).filter((g) => g.accounts.length > 0);
  return (
    <div className="account-groups">
      {groups.map((group) => (
        <AccountGroup
          key={group.role}
          role={group.role}
          accounts={group.accounts}
          signingInAs={signingInAs}
          onChoose={onChoose}
        />
      ))}
    </div>
  );
}

function AccountGroup({
  role,
  accounts,
  signingInAs,
  onChoose,
}: {
  role: StaffRole;
  accounts: StaffSummary[];
  signingInAs: string | null;
  onChoose: (staffId: string) => void;
}) {
  const { t } = useTranslation('signin');
  const headingId = `accounts-${role}`;
  return (
    <section className="account-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="account-group-title">
        {ROLE_LABELS[role].many}
      </h2>
      <ul className="account-list">
        {accounts.map((account) => {
          const busy = signingInAs === account.id;
          return (
            <li key={account.id}>
              <button
                type="button"
                className="account-button"
                disabled={signingInAs !== null}
                onClick={() => onChoose(account.id)}
              >
                <span className="account-name" translate="no">
                  {account.givenName} {account.familyName}
                </span>
                <span className="account-detail">
                  {ROLE_LABELS[account.role].one}
                  {account.schoolName && (
                    <>
                      {' · '}
                      <span translate="no">{account.schoolName}</span>
                    </>
                  )}
                  {' · '}
                  {wordMessage(account.detail)}
                </span>
                {busy && <span className="account-busy">{t('signingIn')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
