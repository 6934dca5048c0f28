import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { StaffRole } from '../api/types';
import { closeShortcutsHelp, shortcutsHelpStore, useShortcutsHelpOpen } from './helpDialog';
import { shortcutsFor, type Shortcut } from './keymap';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A shortcut's keys as keycaps: "g then o", or the one key. */
function Keys({ keys }: { keys: Shortcut['keys'] }) {
  const { t } = useTranslation('layout');
  const [first, second] = keys;
  if (second === undefined) return <kbd>{first}</kbd>;
  return (
    <Trans
      t={t}
      i18nKey="shortcuts.sequence"
      values={{ first, second }}
      components={{ key1: <kbd />, key2: <kbd /> }}
    />
  );
}

/**
 * The list of keyboard shortcuts the signed-in person has, as a modal dialog: opened by "?" or the
 * status bar's button; focus starts on Close and stays inside (Tab wraps); Escape or Close shuts
 * it and focus goes back to where it was.
 */
export function ShortcutsDialog({ role }: { role: StaffRole }) {
  const { t } = useTranslation('layout');
  const open = useShortcutsHelpOpen();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const introId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      closeButton.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  // Signing out (or a new language redrawing the app) takes the dialog away: forget it was open.
  useEffect(() => () => shortcutsHelpStore.setState({ open: false, returnFocusTo: null }), []);

  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const label = (shortcut: Shortcut) => {
    if (shortcut.id === 'sections') {
      return t(role === 'teacher' ? 'shortcuts.actions.mySections' : 'shortcuts.actions.sections');
    }
    return t(`shortcuts.actions.${shortcut.id}`);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onClose={() => closeShortcutsHelp()}
      onKeyDown={keepFocusInside}
    >
      <h2 id={titleId} className="dialog-title">
        {t('shortcuts.title')}
      </h2>
      <p id={introId}>{t('shortcuts.intro')}</p>
      <table className="data-table shortcuts-table">
        <caption className="visually-hidden">{t('shortcuts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keysHeading')}</th>
            <th scope="col">{t('shortcuts.actionHeading')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcutsFor(role).map((shortcut) => (
            <tr key={shortcut.id}>
              <td className="shortcut-keys">
                <Keys keys={shortcut.keys} />
              </td>
              <td>{label(shortcut)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button
          ref={closeButton}
          type="button"
          className="button"
          onClick={() => closeShortcutsHelp()}
        >
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
