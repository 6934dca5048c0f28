/**
 * Exports from older SIS installs are often Windows-1252 ("ANSI"), not UTF-8. A file is
 * treated as UTF-8 only if its opening bytes decode strictly as UTF-8; anything else is
 * read as Windows-1252, which maps every byte to a character, so no row is ever lost to
 * an encoding error.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252';

export const SNIFF_BYTES = 256 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** Index of the first byte outside ASCII, or -1: pure ASCII reads the same in both encodings. */
export function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

export function detectEncoding(sample: Uint8Array): TextEncodingName {
  // A BOM is the file saying what it is (Excel's "CSV UTF-8"): believe it.
  if (hasUtf8Bom(sample)) return 'utf-8';
  let bytes = sample;
  // A sample cut mid-character must not count against UTF-8: drop a trailing partial sequence.
  let cut = bytes.length;
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) cut = bytes.length - back;
    break;
  }
  bytes = bytes.subarray(0, cut);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Decodes a byte stream chunk by chunk. With an encoding given it is a plain TextDecoder.
 * Without one it starts undecided: while every byte is ASCII both encodings agree, and the
 * choice is made at the first byte that is not, on the bytes from there on. This matters
 * because sniffing only the start of a file would read a 1252 "Peña" on row 20,000 of an
 * otherwise-ASCII export as "Pe\uFFFDa" without anyone noticing.
 */
export class StreamDecoder {
  #decoder: TextDecoder | null;
  #encoding: TextEncodingName;
  /** Undecided bytes held back because a character may continue in the next chunk. */
  #pending: Uint8Array | null = null;

  constructor(encoding: TextEncodingName | 'auto') {
    this.#encoding = encoding === 'auto' ? 'utf-8' : encoding;
    this.#decoder = encoding === 'auto' ? null : new TextDecoder(encoding);
  }

  /** The encoding in use (UTF-8 until an undecided stream sees its first non-ASCII byte). */
  get encoding(): TextEncodingName {
    return this.#encoding;
  }

  decode(input: Uint8Array): string {
    if (this.#decoder !== null) return this.#decoder.decode(input, { stream: true });
    const chunk = this.#pending ? Buffer.concat([this.#pending, input]) : input;
    this.#pending = null;
    const at = firstNonAscii(chunk);
    if (at === -1) return latin1(chunk);
    // Too few bytes after the first non-ASCII one to tell a UTF-8 sequence from 1252 text.
    if (chunk.length - at < 4 && input.length > 0) {
      this.#pending = chunk.slice(at);
      return latin1(chunk.subarray(0, at));
    }
    this.#encoding = detectEncoding(chunk.subarray(at, at + SNIFF_BYTES));
    this.#decoder = new TextDecoder(this.#encoding);
    return this.#decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (this.#pending) return this.decode(new Uint8Array(0)) + this.end();
    return this.#decoder ? this.#decoder.decode() : '';
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}
