import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../main/imports/read/dialect';
import { countBreaks, LineCounter, scanRaw } from '../../main/imports/read/lines';

describe('detectDelimiter', () => {
  it.each([
    ['id,name,date\n1,Ana,2025-09-03\n', ','],
    ['id;name;score\n1;Ana;87,5\n2;Ben;90,0\n', ';'],
    ['id\tname\tdate\n1\tAna\t2025-09-03\n', '\t'],
    ['id|name|date\n1|Ana|2025-09-03\n', '|'],
    ['id,name\r\n1,Ana\r\n', ','],
    ['id;name\r1;Ana\r2;Ben\r', ';'],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('ignores delimiters inside quotes, quoted newlines included', () => {
    expect(detectDelimiter('id;name;note\n1;"Smith, Ann";"a,b,c\nd,e"\n2;Ben;x\n')).toBe(';');
  });

  it('prefers the delimiter every line agrees on', () => {
    // Commas appear in names, semicolons split every line the same way.
    expect(detectDelimiter('a;b;c\n1;Smith, Ann;x\n2;Lee, Bo, Jr;y\n')).toBe(';');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('student\n1001\n1002\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('line counting', () => {
  it('counts CRLF, LF and lone CR as one line end each', () => {
    expect(countBreaks('a\r\nb\nc\rd')).toBe(3);
    expect(countBreaks('a\r\n', 0, 2)).toBe(1); // a CR whose LF lies outside the range
    expect(countBreaks('')).toBe(0);
  });

  it('scanRaw separates skipped blank lines, the record and its quoted newlines', () => {
    // csv-parse keeps one character per line end it consumed: "\r" for CRLF or CR, "\n" for LF.
    expect(scanRaw('1,2\n')).toEqual({ lead: 0, start: 0, inner: 0 });
    expect(scanRaw('\r\n\r1,2\r')).toEqual({ lead: 3, start: 3, inner: 0 });
    expect(scanRaw('"a\r\nb\nc",2\r')).toEqual({ lead: 0, start: 0, inner: 2 });
    expect(scanRaw('"open\r\nrest\r\n')).toEqual({ lead: 0, start: 0, inner: 1 });
  });

  it('LineCounter finds the last line with content across chunks', () => {
    const counter = new LineCounter();
    for (const chunk of ['a,b\r', '\n1,2\r\n', '\n', '3,4\n  \n\n']) counter.add(chunk);
    counter.end();
    expect(counter.lastContentLine).toBe(4);
  });
});
