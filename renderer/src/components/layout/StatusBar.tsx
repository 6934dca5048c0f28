import { useTranslation } from 'react-i18next';
import { openShortcutsHelp } from '../../shortcuts/helpDialog';
import { DataFreshness } from './DataFreshness';
import { LanguagePicker } from './LanguagePicker';
import { ThemePicker } from './ThemePicker';

/**
 * The bar at the foot of the window (the page's contentinfo landmark): how fresh the data is,
 * that it is not synced, how it is kept on this computer; the language and theme; and the
 * keyboard shortcuts ("?"). Before sign-in it offers only the preferences.
 */
export function StatusBar({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation('layout');
  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <div className="status-bar-inner">
        {signedIn && <DataFreshness />}
        <div className="status-prefs">
          <LanguagePicker />
          <ThemePicker />
          {signedIn && (
            <button
              type="button"
              className="link-button status-shortcuts"
              onClick={(event) => openShortcutsHelp(event.currentTarget)}
            >
              {t('statusBar.shortcuts')} <kbd>?</kbd>
            </button>
          )}
        </div>
      </div>
    </footer>
  );
}
