/**
 * Messages: words the core hands out as a key and values (see `Message` in db/schema.ts), so each
 * reader gets them in their own language. The catalogue lives in main/api/messages/ because it
 * is part of the API: the renderer loads the same files as its `messages` namespace.
 */
import i18next from 'i18next';
import type { Message } from '../../db/schema';
import en from '../api/messages/en.json';
import es from '../api/messages/es.json';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Stem}_${PluralSuffix}` ? Stem : K;

/** Every key of the English catalogue, dotted, with plural forms under their stem. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${WithoutPlural<K>}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;

/** A message; checked against the English catalogue so a misspelt key fails the type check. */
export function message(key: MessageKey, params?: Message['params']): Message {
  return params ? { key, params } : { key };
}

const words = i18next.createInstance();
void words.init({
  resources: { en: { messages: en }, es: { messages: es } },
  lng: 'en',
  fallbackLng: 'en',
  ns: ['messages'],
  defaultNS: 'messages',
  interpolation: { escapeValue: false },
  initAsync: false,
});

// `{{count, number}}`: grouped as US readers of either language expect (es-US writes 12,345).
const INTL_LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };
words.services.formatter?.add('number', (value, language, options) =>
  new Intl.NumberFormat(INTL_LOCALES[language as Language] ?? 'en-US', options).format(value),
);

/** A message in words, in `language`; nested messages are worded first. */
export function wordMessage(m: Message, language: Language = 'en'): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params ?? {})) {
    params[name] = typeof value === 'object' ? wordMessage(value, language) : value;
  }
  // The renderer's i18next.d.ts types `t` for its own namespaces; this instance has only ours.
  const t = words.t as unknown as (key: string, options: object) => string;
  return t(m.key, { ...params, lng: language });
}
