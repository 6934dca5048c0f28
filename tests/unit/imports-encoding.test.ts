import { describe, expect, it } from 'vitest';
import { detectEncoding, StreamDecoder } from '../../main/imports/read/encoding';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const latin = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('detectEncoding', () => {
  it('calls valid UTF-8 (and plain ASCII) UTF-8', () => {
    expect(detectEncoding(utf8('id,name\n1,Peña\n2,Zoë\n'))).toBe('utf-8');
    expect(detectEncoding(utf8('id,name\n1,Ana\n'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array())).toBe('utf-8');
  });

  it('calls bytes that are not UTF-8 Windows-1252 (ñ is 0xF1, ë is 0xEB)', () => {
    const bytes = latin('id,name\n1,Peña\n2,Zoë\n');
    expect([...bytes]).toContain(0xf1);
    expect([...bytes]).toContain(0xeb);
    expect(detectEncoding(bytes)).toBe('windows-1252');
  });

  it('does not hold a character cut by the end of the sample against UTF-8', () => {
    const bytes = utf8('name\nPeña');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2))).toBe('utf-8'); // cut inside ñ
    const euro = utf8('x€');
    expect(detectEncoding(euro.subarray(0, euro.length - 1))).toBe('utf-8');
  });

  it('believes a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...latin('a\nPeña')]);
    expect(detectEncoding(bytes)).toBe('utf-8');
  });
});

describe('StreamDecoder', () => {
  const decodeAll = (decoder: StreamDecoder, chunks: Uint8Array[]) =>
    chunks.map((c) => decoder.decode(c)).join('') + decoder.end();

  it('decides at the first byte that is not ASCII, however late', () => {
    const decoder = new StreamDecoder('auto');
    const chunks = [latin('a'.repeat(1000)), latin('b\n'), latin('Peña\n')];
    expect(decodeAll(decoder, chunks)).toBe(`${'a'.repeat(1000)}b\nPeña\n`);
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('keeps UTF-8 characters split across chunks whole', () => {
    const bytes = utf8('Zoë and Peña — ok');
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = new StreamDecoder('auto');
      expect(decodeAll(decoder, [bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(
        'Zoë and Peña — ok',
      );
      expect(decoder.encoding).toBe('utf-8');
    }
  });

  it('does not mistake a 1252 byte at the very end of a chunk for the start of UTF-8', () => {
    const decoder = new StreamDecoder('auto');
    // 0xF1 (ñ) could open a 4-byte UTF-8 sequence: the decoder waits for more bytes.
    expect(decodeAll(decoder, [latin('Pe\u00f1'), latin('a\n')])).toBe('Peña\n');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('drops a BOM and uses a forced encoding as given', () => {
    expect(decodeAll(new StreamDecoder('auto'), [new Uint8Array([0xef, 0xbb, 0xbf, 0x41])])).toBe(
      'A',
    );
    expect(decodeAll(new StreamDecoder('windows-1252'), [utf8('ñ')])).toBe('Ã±');
  });
});
