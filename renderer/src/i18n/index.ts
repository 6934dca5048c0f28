/**
 * The UI language: English or Spanish, chosen by the person (kept on this computer) or, the first
 * time, from the browser's language. Dates and numbers follow it (format/format.ts reads
 * `intlLocale()`). Changing it re-renders the whole app (App keys its tree on the language).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name for itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** US schools: Spanish formatted the way US Spanish speakers read dates and numbers. */
const INTL_LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

const STORAGE_KEY = 'sightline.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be unavailable (privacy settings); fall through to the browser's language.
  }
  const preferred = globalThis.navigator?.language?.slice(0, 2);
  return isLanguage(preferred) ? preferred : 'en';
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
});

// `{{count, number}}` in a message: grouped as the rest of the UI is (es-US writes 12,345).
i18next.services.formatter?.add('number', (value, language, options) =>
  new Intl.NumberFormat(INTL_LOCALES[isLanguage(language) ? language : 'en'], options).format(
    value,
  ),
);

export const i18n = i18next;

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** The BCP 47 locale for Intl formatters in the current language. */
export function intlLocale(): string {
  return INTL_LOCALES[currentLanguage()];
}

export function setLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across restarts, but the switch itself still works.
  }
  void i18next.changeLanguage(language);
}

/** Keeps `<html lang>` true, so screen readers pronounce the page in its language. */
i18next.on('languageChanged', (language) => {
  if (globalThis.document) document.documentElement.lang = language;
});
if (globalThis.document) document.documentElement.lang = currentLanguage();
