/**
 * Why a model version has its status. The registry stores the words (the notes the app writes,
 * or a note an admin typed when activating or rolling back); the app's own notes go out as
 * messages so each reader gets them in their language, and typed notes as typed.
 */
import type { Message } from '../../db/schema';
import { message, type MessageKey } from '../i18n/messages';

export const STATUS_NOTES = {
  shipped: 'The default model shipped with Sightline, trained on the demo district.',
  beatsActive: 'Beats the active model on the same holdout; ready to activate.',
  didNotBeat: 'Did not beat the active model on the same holdout.',
} as const;

export function statusNoteOf(stored: string | null): Message | null {
  if (stored === null) return null;
  for (const [key, words] of Object.entries(STATUS_NOTES)) {
    if (stored === words) return message(`modelNotes.${key}` as MessageKey);
  }
  return message('modelNotes.typed', { text: stored });
}
