/**
 * Light or dark: the person's choice (System, Light or Dark), kept on this computer. "System"
 * follows the computer's setting (prefers-color-scheme), also when it changes while Sightline
 * is open. The theme is applied as `data-theme` on <html>; styles/theme.css holds both palettes.
 *
 * public/theme-boot.js applies the remembered choice before the first paint (a plain script in
 * the page's <head>, which the Content-Security-Policy allows as it comes from the app itself);
 * `startTheme()` then takes over from main.tsx, before React renders. Keep the two in step: the
 * storage key and the values are the same.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type ResolvedTheme = 'light' | 'dark';

const STORAGE_KEY = 'sightline.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

function savedChoice(): ThemeChoice {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isThemeChoice(saved)) return saved;
  } catch {
    // Storage can be unavailable (privacy settings): follow the computer.
  }
  return 'system';
}

function systemTheme(): ResolvedTheme {
  return globalThis.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

/** The theme a choice means on this computer now. */
export function resolveTheme(choice: ThemeChoice, system: ResolvedTheme): ResolvedTheme {
  return choice === 'system' ? system : choice;
}

interface ThemeState {
  choice: ThemeChoice;
  /** The theme on screen. */
  resolved: ResolvedTheme;
}

/** Not a resettable store: signing out keeps the computer's preferences. */
export const themeStore = createStore<ThemeState>()(() => {
  const choice = savedChoice();
  return { choice, resolved: resolveTheme(choice, systemTheme()) };
});

function apply({ resolved }: ThemeState): void {
  if (globalThis.document) document.documentElement.dataset.theme = resolved;
}

/**
 * Puts the theme on the page and keeps it there: a new choice, or the computer switching between
 * light and dark while "System" is chosen. Call before the first render. Returns how to stop.
 */
export function startTheme(): () => void {
  apply(themeStore.getState());
  const unsubscribe = themeStore.subscribe(apply);
  const media = globalThis.matchMedia?.(DARK_QUERY);
  const onSystemChange = () =>
    themeStore.setState((s) => ({ resolved: resolveTheme(s.choice, systemTheme()) }));
  media?.addEventListener('change', onSystemChange);
  return () => {
    unsubscribe();
    media?.removeEventListener('change', onSystemChange);
  };
}

export function setTheme(choice: ThemeChoice): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, choice);
  } catch {
    // Not remembered across restarts, but the switch itself still works.
  }
  themeStore.setState({ choice, resolved: resolveTheme(choice, systemTheme()) });
}

export function useTheme(): ThemeState {
  return useStore(themeStore);
}

/** The theme on screen, for what must be redrawn when it changes (charts). */
export function useResolvedTheme(): ResolvedTheme {
  return useStore(themeStore, (s) => s.resolved);
}
