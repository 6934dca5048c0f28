/**
 * Splits a JSON document into the records it carries without holding it all in memory:
 * the elements of a root array (`[{…}, {…}]`), the `statements` array of an LRS response
 * (`{"statements": […], "more": …}`), or else the root object itself. Each record comes out as
 * its text and the line it starts on; parsing it is the caller's job, so one bad record costs
 * only itself.
 */
export interface SplitRecord {
  line: number;
  text: string;
}

export interface SplitProblem {
  line: number;
  raw: string;
  reason: string;
}

const WS = new Set([' ', '\t', '\n', '\r', '\uFEFF']);

export class JsonSplitter {
  #line = 1;
  #prevCr = false;
  #depth = 0;
  #inString = false;
  #escape = false;
  #root: '[' | '{' | null = null;
  #rootDone = false;
  /** Depth at which records live: 1 in a root array, 2 in `{"statements": [...]}`. */
  #container: number | null = null;
  /** The last string at depth 1 of a root object (a key, when followed by ':'). */
  #key: string[] | null = null;
  #lastKey = '';
  /** The record being read: its parts from earlier chunks, where it starts in this one. */
  #parts: string[] | null = null;
  #start = 0;
  #recordLine = 0;
  #scalar = false;
  /** A root object is its own record unless a `statements` array turns up inside it. */
  #rootParts: string[] | null = null;
  #rootStart = 0;
  #rootLine = 0;

  constructor(
    private readonly onRecord: (r: SplitRecord) => void,
    private readonly onProblem: (p: SplitProblem) => void,
  ) {}

  push(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\r') {
        this.#line++;
        this.#prevCr = true;
      } else if (c === '\n') {
        if (!this.#prevCr) this.#line++;
        this.#prevCr = false;
      } else {
        this.#prevCr = false;
      }
      if (this.#inString) {
        if (this.#escape) this.#escape = false;
        else if (c === '\\') this.#escape = true;
        else if (c === '"') {
          this.#inString = false;
          if (this.#key) {
            this.#lastKey = this.#key.join('');
            this.#key = null;
          }
        } else if (this.#key && this.#key.length < 64) this.#key.push(c);
        continue;
      }
      if (this.#scalar && (c === ',' || c === ']' || c === '}' || WS.has(c))) {
        this.#endRecord(text, i);
      }
      if (WS.has(c) || c === ',' || c === ':') continue;
      if (this.#rootDone) {
        this.onProblem({
          line: this.#line,
          raw: text.slice(i, i + 200),
          reason: `There is text after the end of the JSON document on line ${this.#line}; it was not read. Remove it or export the file again.`,
        });
        this.#rootDone = false;
        this.#root = null;
        this.#depth = -1; // ignore everything after
        continue;
      }
      if (this.#depth < 0) continue;
      const atRecordLevel =
        this.#container !== null && this.#depth === this.#container && !this.#parts;
      if (c === '{' || c === '[') {
        if (this.#depth === 0) {
          this.#root = c;
          if (c === '[') this.#container = 1;
          else {
            this.#rootParts = [];
            this.#rootStart = i;
            this.#rootLine = this.#line;
          }
        } else if (atRecordLevel) {
          this.#beginRecord(i, false);
        } else if (
          c === '[' &&
          this.#depth === 1 &&
          this.#root === '{' &&
          this.#container === null &&
          this.#lastKey === 'statements'
        ) {
          this.#container = 2;
          this.#rootParts = null;
        }
        this.#depth++;
      } else if (c === '}' || c === ']') {
        this.#depth--;
        if (this.#parts && !this.#scalar && this.#depth === this.#container) {
          this.#endRecord(text, i + 1);
        }
        if (this.#depth === 0) {
          if (this.#rootParts) {
            this.#rootParts.push(text.slice(this.#rootStart, i + 1));
            this.onRecord({ line: this.#rootLine, text: this.#rootParts.join('') });
            this.#rootParts = null;
          }
          this.#rootDone = true;
        }
      } else if (c === '"') {
        this.#inString = true;
        if (atRecordLevel) this.#beginRecord(i, true);
        else if (this.#root === '{' && this.#depth === 1) this.#key = [];
      } else if (this.#depth === 0) {
        this.onProblem({
          line: this.#line,
          raw: text.slice(i, i + 200),
          reason:
            'The file is neither JSON lines nor a JSON array: it should hold one xAPI statement per line, or a JSON array of statements.',
        });
        this.#depth = -1;
      } else if (atRecordLevel) {
        this.#beginRecord(i, true);
      }
    }
    // Carry unfinished text over to the next chunk.
    if (this.#parts) {
      this.#parts.push(text.slice(this.#start));
      this.#start = 0;
    }
    if (this.#rootParts) {
      this.#rootParts.push(text.slice(this.#rootStart));
      this.#rootStart = 0;
    }
  }

  end(): void {
    if (this.#parts) {
      const raw = this.#parts.join('');
      this.#parts = null;
      if (this.#scalar) this.onRecord({ line: this.#recordLine, text: raw });
      else {
        this.onProblem({
          line: this.#recordLine,
          raw,
          reason: `The file ends in the middle of the statement that starts on line ${this.#recordLine}: it was probably cut short. Export it again.`,
        });
      }
    } else if (this.#rootParts && this.#rootParts.length > 0) {
      this.onProblem({
        line: this.#rootLine,
        raw: this.#rootParts.join('').slice(0, 4096),
        reason:
          'The file ends before its JSON document is closed: it was probably cut short. Export it again.',
      });
    }
  }

  #beginRecord(i: number, scalar: boolean): void {
    this.#parts = [];
    this.#start = i;
    this.#recordLine = this.#line;
    this.#scalar = scalar;
  }

  #endRecord(text: string, end: number): void {
    this.#parts!.push(text.slice(this.#start, end));
    this.onRecord({ line: this.#recordLine, text: this.#parts!.join('') });
    this.#parts = null;
    this.#scalar = false;
  }
}
