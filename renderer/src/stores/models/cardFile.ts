/** The model card download's bytes, from a `models.card` answer. Pure (no API, no DOM). */
import type { ModelCardFormat, Output } from '../../api/types';

/** Standard base64 to bytes (the PDF model card arrives base64-encoded in JSON). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The downloadable file for a `models.card` answer: Markdown as text, a PDF as its bytes. */
export function modelCardBlob(card: Output<'models.card'>, format: ModelCardFormat): Blob {
  if (format === 'pdf') {
    return new Blob([base64ToBytes(card.content)], { type: card.mimeType || 'application/pdf' });
  }
  return new Blob([card.content], { type: card.mimeType || 'text/markdown;charset=utf-8' });
}
