import { useEffect } from 'react';
import type { StaffRole } from '../api/types';
import { hrefFor } from '../stores/routes';
import { lastStudentQueryStore } from '../stores/studentListStore';
import { openShortcutsHelp } from './helpDialog';
import { createKeySequence, mayBeShortcut, shortcutsFor, type ShortcutId } from './keymap';

/** Where each "go to" shortcut leads; the student list comes back with its last filters. */
function hrefOf(id: ShortcutId): string | null {
  switch (id) {
    case 'overview':
      return '#/';
    case 'students':
      return hrefFor({ name: 'students', query: lastStudentQueryStore.getState().query });
    case 'sections':
      return '#/sections';
    case 'caseload':
      return hrefFor({ name: 'caseload' });
    case 'imports':
      return '#/imports';
    case 'pipeline':
      return '#/pipeline';
    case 'models':
      return '#/models';
    case 'search':
    case 'help':
      return null;
  }
}

/** The search box of the page on screen, if it has one. */
function pageSearchBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(
    'main [role="search"] input, main input[type="search"]',
  );
}

/** Does what a shortcut says; false when it has nothing to do here (the key then acts as usual). */
function run(id: ShortcutId): boolean {
  if (id === 'help') {
    openShortcutsHelp();
    return true;
  }
  if (id === 'search') {
    const box = pageSearchBox();
    if (!box) return false;
    box.focus();
    box.select();
    return true;
  }
  const href = hrefOf(id);
  if (!href) return false;
  if (window.location.hash === href || (href === '#/' && window.location.hash === '')) {
    // Already there: say so by putting focus on the page's heading, as a page change would.
    document.querySelector<HTMLElement>('main h1')?.focus();
  } else {
    window.location.hash = href;
  }
  return true;
}

/** A modal is open (a question, the shortcuts list): its keys are its own. */
function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Listens for the keyboard shortcuts while someone is signed in, offering only those of pages
 * their role can open. Keys typed in a field, or held with Ctrl, Alt or Meta, are never taken.
 */
export function useShortcuts(role: StaffRole | null): void {
  useEffect(() => {
    if (!role) return;
    const sequence = createKeySequence(shortcutsFor(role));
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!mayBeShortcut(event, target) || modalOpen()) {
        sequence.reset();
        return;
      }
      const result = sequence.press(event.key, event.timeStamp);
      if (result.kind === 'shortcut' && run(result.shortcut.id)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [role]);
}
