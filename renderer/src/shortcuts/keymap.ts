/**
 * Keyboard shortcuts, GitHub- and Gmail-style: `g` then a letter goes to a page, `/` goes to the
 * page's search box, `?` lists them all. The key map is data (the help dialog lists it); the
 * matching of key sequences and the "is the person typing?" test are pure functions, unit-tested
 * in tests/unit/shortcuts.test.ts. useShortcuts.ts connects them to the document.
 */
import type { StaffRole } from '../api/types';
import { canImport, canSeeCaseload, canSeeModels, canSeePipeline } from '../domain/permissions';

export type ShortcutId =
  | 'overview'
  | 'students'
  | 'sections'
  | 'caseload'
  | 'imports'
  | 'pipeline'
  | 'models'
  | 'search'
  | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** The keys pressed one after another, as `KeyboardEvent.key` names them (letters in lower case). */
  keys: readonly string[];
  /** Offered to this role (the pages a role cannot open have no shortcut for it). */
  allowed: (role: StaffRole) => boolean;
}

const everyone = () => true;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'overview', keys: ['g', 'o'], allowed: everyone },
  { id: 'students', keys: ['g', 's'], allowed: everyone },
  { id: 'sections', keys: ['g', 'm'], allowed: everyone },
  { id: 'caseload', keys: ['g', 'c'], allowed: canSeeCaseload },
  { id: 'imports', keys: ['g', 'i'], allowed: canImport },
  { id: 'pipeline', keys: ['g', 'p'], allowed: canSeePipeline },
  { id: 'models', keys: ['g', 'd'], allowed: canSeeModels },
  { id: 'search', keys: ['/'], allowed: everyone },
  { id: 'help', keys: ['?'], allowed: everyone },
];

export function shortcutsFor(role: StaffRole): Shortcut[] {
  return SHORTCUTS.filter((shortcut) => shortcut.allowed(role));
}

/** How long a sequence waits for its next key, as on GitHub. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** A key as the key map names it: single letters in lower case (Caps Lock on, or Shift held). */
export function normalizeKey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

/** What a key press means: a finished shortcut, the start of one (waiting for more), or nothing. */
export type KeyResult =
  { kind: 'shortcut'; shortcut: Shortcut } | { kind: 'waiting' } | { kind: 'none' };

const startsWith = (keys: readonly string[], prefix: readonly string[]) =>
  prefix.length < keys.length && prefix.every((key, i) => keys[i] === key);
const equals = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((key, i) => b[i] === key);

/**
 * Follows key presses against a key map. A sequence continues only with a key pressed within
 * `timeoutMs` of the last; a key that does not continue it may start a new one.
 */
export function createKeySequence(
  shortcuts: readonly Shortcut[],
  timeoutMs = SEQUENCE_TIMEOUT_MS,
): { press: (key: string, at: number) => KeyResult; reset: () => void } {
  let pending: string[] = [];
  let lastAt = -Infinity;

  const match = (keys: string[]): KeyResult => {
    const done = shortcuts.find((shortcut) => equals(shortcut.keys, keys));
    if (done) return { kind: 'shortcut', shortcut: done };
    if (shortcuts.some((shortcut) => startsWith(shortcut.keys, keys))) return { kind: 'waiting' };
    return { kind: 'none' };
  };

  const press = (rawKey: string, at: number): KeyResult => {
    const key = normalizeKey(rawKey);
    const continuing = pending.length > 0 && at - lastAt <= timeoutMs;
    let result: KeyResult = continuing ? match([...pending, key]) : { kind: 'none' };
    let keys = continuing ? [...pending, key] : [key];
    if (result.kind === 'none') {
      keys = [key];
      result = match(keys);
    }
    pending = result.kind === 'waiting' ? keys : [];
    lastAt = at;
    return result;
  };

  return {
    press,
    reset: () => {
      pending = [];
    },
  };
}

/** The parts of an element the typing test reads (an HTMLElement has them all). */
export interface TargetLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Keys pressed here are the person's typing (or choosing), never shortcuts. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target || typeof target.tagName !== 'string') return false;
  if (TYPING_TAGS.has(target.tagName.toUpperCase())) return true;
  if (target.isContentEditable) return true;
  const role = target.getAttribute?.('role');
  return role != null && TYPING_ROLES.has(role);
}

/** The parts of a key event the shortcut test reads. */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  repeat?: boolean;
  defaultPrevented?: boolean;
}

/**
 * Whether a key press may be a shortcut at all: not with Ctrl, Alt or Meta held (those belong to
 * the browser, the system and AltGr layouts), not mid-composition (an input method), not a held
 * key repeating, not one something else already handled, and not while typing in a field.
 */
export function mayBeShortcut(event: KeyEventLike, target: TargetLike | null | undefined): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return false;
  if (event.isComposing || event.repeat || event.defaultPrevented) return false;
  if (event.key === 'Process' || event.key === 'Dead') return false;
  return !isTypingTarget(target);
}
