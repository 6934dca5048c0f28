/**
 * Messages from the core (flag explanations, risk reasons, who needs attention): a key in the
 * `messages` namespace (main/api/messages/, shared with the core) and its values, worded here in
 * the reader's language. A value that is itself a message is worded first.
 */
import type { Message } from '../api/types';
import { i18n } from '.';

export function wordMessage(m: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params ?? {})) {
    params[name] = typeof value === 'object' ? wordMessage(value) : value;
  }
  // Keys arrive as data; the catalogue's own test holds both languages to the same keys.
  const t = i18n.t as unknown as (key: string, options: object) => string;
  return t(`messages:${m.key}`, params);
}

/** A message as text, in the current language. */
export function MessageText({ message }: { message: Message }) {
  return <>{wordMessage(message)}</>;
}
