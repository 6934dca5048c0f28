/**
 * Line arithmetic shared by the readers. A line ends at CRLF, LF or a lone CR (old Mac
 * exports), the way a person counts lines in an editor, so a quarantine row's line number is
 * the one they will find.
 */

const LF = 10;
const CR = 13;

/** Line ends in text[from, to); a CR right before an LF counts once, with the LF. */
export function countBreaks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let p = text.indexOf('\n', from); p !== -1 && p < to; p = text.indexOf('\n', p + 1)) n++;
  for (let p = text.indexOf('\r', from); p !== -1 && p < to; p = text.indexOf('\r', p + 1)) {
    if (text.charCodeAt(p + 1) !== LF || p + 1 >= to) n++;
  }
  return n;
}

/**
 * Where a parsed record sits in its raw text: blank lines skipped before it (`lead`), the
 * index its own text starts at, and line ends inside it (quoted newlines), not counting the
 * one that terminates it. csv-parse keeps only the first character of each line end it acts
 * on (the CR of a CRLF), so before the record every CR or LF is a line of its own; inside
 * quotes it keeps them all, so there a CRLF is one line end.
 */
export function scanRaw(raw: string): { lead: number; start: number; inner: number } {
  let start = 0;
  while (start < raw.length) {
    const c = raw.charCodeAt(start);
    if (c !== LF && c !== CR) break;
    start++;
  }
  let end = raw.length;
  if (end > start && raw.charCodeAt(end - 1) === LF) end--;
  if (end > start && raw.charCodeAt(end - 1) === CR) end--;
  const inner = end - start < 2 ? 0 : countBreaks(raw, start, end);
  return { lead: start, start, inner };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === LF || c === CR || c === 0xfeff || c === 0xa0;
}

/**
 * Counts lines as decoded text streams past, remembering the last line with anything but
 * whitespace on it: a reader checks at the end that its records reached that line.
 */
export class LineCounter {
  #breaks = 0;
  #skipLeadingLf = false;
  #lastContentLine = 0;

  get lastContentLine(): number {
    return this.#lastContentLine;
  }

  add(text: string): void {
    if (text.length === 0) return;
    // A CRLF split across two chunks: its CR was counted at the end of the previous one.
    const from = this.#skipLeadingLf && text.charCodeAt(0) === LF ? 1 : 0;
    let last = text.length - 1;
    while (last >= from && isSpace(text.charCodeAt(last))) last--;
    if (last >= from) {
      const before = countBreaks(text, from, last);
      this.#lastContentLine = this.#breaks + before + 1;
      this.#breaks += before + countBreaks(text, last, text.length);
    } else {
      this.#breaks += countBreaks(text, from, text.length);
    }
    this.#skipLeadingLf = text.charCodeAt(text.length - 1) === CR;
  }

  end(): void {
    this.#skipLeadingLf = false;
  }
}
