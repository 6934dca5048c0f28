import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

interface HelpState {
  open: boolean;
  /** Where focus was when the list opened; it goes back there when the list closes. */
  returnFocusTo: HTMLElement | null;
}

/** Whether the keyboard shortcuts list is open (opened by "?" or the status bar's button). */
export const shortcutsHelpStore = createStore<HelpState>()(() => ({
  open: false,
  returnFocusTo: null,
}));

export function openShortcutsHelp(from?: Element | null): void {
  const active = from ?? document.activeElement;
  shortcutsHelpStore.setState({
    open: true,
    returnFocusTo: active instanceof HTMLElement && active !== document.body ? active : null,
  });
}

export function closeShortcutsHelp(): void {
  const { open, returnFocusTo } = shortcutsHelpStore.getState();
  if (!open) return;
  shortcutsHelpStore.setState({ open: false, returnFocusTo: null });
  if (returnFocusTo?.isConnected) returnFocusTo.focus();
}

export function useShortcutsHelpOpen(): boolean {
  return useStore(shortcutsHelpStore, (s) => s.open);
}
