/**
 * Pure helpers for uploading a file in pieces: `imports.append` takes base64 chunks, in order,
 * each at most the contract's UPLOAD_CHUNK_BYTES, which base64-encoded fits the browser host's
 * request-body limit. No DOM, no API: unit-tested in tests/unit/renderer-imports.test.ts.
 */
import { UPLOAD_CHUNK_BYTES } from '../../../../main/api/contract';

export const RENDERER_CHUNK_BYTES = UPLOAD_CHUNK_BYTES;

/** The [start, end) byte ranges of a file of `size` bytes, in upload order. */
export function chunkRanges(size: number, chunkBytes = RENDERER_CHUNK_BYTES): [number, number][] {
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0) throw new Error('chunk size must be > 0');
  const ranges: [number, number][] = [];
  for (let start = 0; start < size; start += chunkBytes) {
    ranges.push([start, Math.min(size, start + chunkBytes)]);
  }
  return ranges;
}

/** Standard base64 (with padding) of some bytes; works on large chunks without a stack overflow. */
export function bytesToBase64(bytes: Uint8Array): string {
  const STEP = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += STEP) {
    binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  }
  return btoa(binary);
}

/** The file types the drop zone offers (the core detects the real kind from the contents). */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.jsonl', '.json', '.zip'] as const;

/** Whether a file name looks like an export Sightline reads. */
export function isAcceptedFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
