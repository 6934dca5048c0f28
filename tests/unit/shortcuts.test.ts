/**
 * The keyboard shortcuts' key map and matching (renderer/src/shortcuts/keymap.ts): which roles get
 * which shortcuts, `g` sequences with their timeout, and the keys that are never shortcuts (typing
 * in a field, Ctrl/Alt/Meta held, input methods).
 */
import { describe, expect, it } from 'vitest';
import {
  createKeySequence,
  mayBeShortcut,
  isTypingTarget,
  SEQUENCE_TIMEOUT_MS,
  SHORTCUTS,
  shortcutsFor,
  type KeyEventLike,
  type KeyResult,
} from '../../renderer/src/shortcuts/keymap';

const ids = (result: KeyResult) => (result.kind === 'shortcut' ? result.shortcut.id : result.kind);

function pressAll(keys: [string, number][], role = 'district_admin' as const) {
  const sequence = createKeySequence(shortcutsFor(role));
  return keys.map(([key, at]) => ids(sequence.press(key, at)));
}

const key = (k: string, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});

describe('the key map', () => {
  it('has no two shortcuts with the same keys, and none that is the start of another', () => {
    const seqs = SHORTCUTS.map((s) => s.keys.join(' '));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const a of SHORTCUTS) {
      for (const b of SHORTCUTS) {
        if (a === b) continue;
        const prefix = a.keys.length < b.keys.length && a.keys.every((k, i) => b.keys[i] === k);
        expect(prefix, `${a.id} starts ${b.id}`).toBe(false);
      }
    }
  });

  it('offers each role only the pages it can open', () => {
    const of = (role: Parameters<typeof shortcutsFor>[0]) => shortcutsFor(role).map((s) => s.id);
    expect(of('teacher')).toEqual([
      'overview',
      'students',
      'sections',
      'imports',
      'search',
      'help',
    ]);
    expect(of('counselor')).toEqual([
      'overview',
      'students',
      'sections',
      'caseload',
      'search',
      'help',
    ]);
    expect(of('school_admin')).toEqual([
      'overview',
      'students',
      'sections',
      'imports',
      'pipeline',
      'models',
      'search',
      'help',
    ]);
    expect(of('district_admin')).not.toContain('caseload');
  });
});

describe('key sequences', () => {
  it('g then a letter goes to a page; / and ? act at once', () => {
    expect(
      pressAll([
        ['g', 0],
        ['o', 100],
      ]),
    ).toEqual(['waiting', 'overview']);
    expect(
      pressAll([
        ['g', 0],
        ['s', 100],
        ['g', 200],
        ['d', 300],
      ]),
    ).toEqual(['waiting', 'students', 'waiting', 'models']);
    expect(
      pressAll([
        ['/', 0],
        ['?', 10],
      ]),
    ).toEqual(['search', 'help']);
  });

  it('a letter on its own does nothing', () => {
    expect(
      pressAll([
        ['o', 0],
        ['s', 10],
        ['x', 20],
      ]),
    ).toEqual(['none', 'none', 'none']);
  });

  it('the second key must come within the timeout', () => {
    expect(
      pressAll([
        ['g', 0],
        ['o', SEQUENCE_TIMEOUT_MS + 1],
      ]),
    ).toEqual(['waiting', 'none']);
    expect(
      pressAll([
        ['g', 0],
        ['o', SEQUENCE_TIMEOUT_MS],
      ]),
    ).toEqual(['waiting', 'overview']);
  });

  it('a key that breaks a sequence can start one, or act on its own', () => {
    expect(
      pressAll([
        ['g', 0],
        ['g', 10],
        ['i', 20],
      ]),
    ).toEqual(['waiting', 'waiting', 'imports']);
    expect(
      pressAll([
        ['g', 0],
        ['?', 10],
      ]),
    ).toEqual(['waiting', 'help']);
    expect(
      pressAll([
        ['g', 0],
        ['x', 10],
        ['o', 20],
      ]),
    ).toEqual(['waiting', 'none', 'none']);
  });

  it('a shortcut the role does not have is not matched', () => {
    expect(
      pressAll(
        [
          ['g', 0],
          ['c', 10],
        ],
        'district_admin',
      ),
    ).toEqual(['waiting', 'none']);
    const counselor = createKeySequence(shortcutsFor('counselor'));
    expect([counselor.press('g', 0), counselor.press('c', 10)].map(ids)).toEqual([
      'waiting',
      'caseload',
    ]);
    expect([counselor.press('g', 20), counselor.press('i', 30)].map(ids)).toEqual([
      'waiting',
      'none',
    ]);
  });

  it('reads letters without regard to case (Caps Lock, Shift)', () => {
    expect(
      pressAll([
        ['G', 0],
        ['O', 10],
      ]),
    ).toEqual(['waiting', 'overview']);
  });

  it('reset forgets a started sequence', () => {
    const sequence = createKeySequence(shortcutsFor('teacher'));
    expect(ids(sequence.press('g', 0))).toBe('waiting');
    sequence.reset();
    expect(ids(sequence.press('o', 10))).toBe('none');
  });
});

describe('keys that are never shortcuts', () => {
  const el = (tagName: string, extra: { editable?: boolean; role?: string } = {}) => ({
    tagName,
    isContentEditable: extra.editable ?? false,
    getAttribute: (name: string) => (name === 'role' ? (extra.role ?? null) : null),
  });

  it('typing in a field, a list box or editable text', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(isTypingTarget(el(tag)), tag).toBe(true);
    }
    expect(isTypingTarget(el('DIV', { editable: true }))).toBe(true);
    expect(isTypingTarget(el('DIV', { role: 'textbox' }))).toBe(true);
    expect(isTypingTarget(el('DIV', { role: 'combobox' }))).toBe(true);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('A'))).toBe(false);
    expect(isTypingTarget(el('BODY'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('with Ctrl, Alt or Meta held, mid-composition, repeating or already handled', () => {
    const body = el('BODY');
    expect(mayBeShortcut(key('g'), body)).toBe(true);
    expect(mayBeShortcut(key('?'), body)).toBe(true);
    expect(mayBeShortcut(key('g', { ctrlKey: true }), body)).toBe(false);
    expect(mayBeShortcut(key('g', { altKey: true }), body)).toBe(false);
    expect(mayBeShortcut(key('g', { metaKey: true }), body)).toBe(false);
    expect(mayBeShortcut(key('g', { isComposing: true }), body)).toBe(false);
    expect(mayBeShortcut(key('Process'), body)).toBe(false);
    expect(mayBeShortcut(key('g', { repeat: true }), body)).toBe(false);
    expect(mayBeShortcut(key('g', { defaultPrevented: true }), body)).toBe(false);
    expect(mayBeShortcut(key('/'), el('INPUT'))).toBe(false);
  });
});
