import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { ImportSetupError } from '../errors';
import { detectDelimiter, type Delimiter } from './dialect';
import { detectEncoding, SNIFF_BYTES, StreamDecoder, type TextEncodingName } from './encoding';
import { LineCounter, scanRaw } from './lines';

/** One record of a CSV file: its first physical line number (1-based), fields, and raw text. */
export interface CsvRecord {
  line: number;
  values: string[];
  raw: string;
}

/** A record csv-parse could not read (e.g. a quote never closed), with where and why. */
export interface CsvProblem {
  line: number;
  raw: string;
  reason: string;
}

export interface CsvReader {
  /** Decided from the file's start; an all-ASCII start can still turn out Windows-1252 later. */
  readonly encoding: TextEncodingName;
  delimiter: Delimiter;
  headers: string[];
  totalBytes: number;
  /** Bytes read from disk so far, for progress bars. */
  bytesRead(): number;
  /**
   * Data records after the header row, a buffer-full at a time (per-record async iteration
   * costs more than parsing); unreadable ones come out as problems, never dropped. Blank
   * lines and rows whose every field is empty (",,,," left by spreadsheets) are skipped.
   */
  batches(): AsyncGenerator<(CsvRecord | CsvProblem)[]>;
}

export interface CsvOptions {
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
}

export function isProblem(r: CsvRecord | CsvProblem): r is CsvProblem {
  return (r as CsvProblem).reason !== undefined;
}

/** A row longer than this is a runaway quote, not data; it stops the reading of the file. */
const MAX_RECORD_BYTES = 1 << 20;

function sniff(path: string): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

interface ParsedRecord {
  record: string[];
  raw: string;
}

interface RawProblem {
  raw: string;
  code: string;
  message: string;
  /** Records the parser had emitted when it met the problem: its place in the file's order. */
  after: number;
}

/** One pass over the file: its own counters, so a second pass cannot disturb the first. */
interface Pass {
  parser: Parser;
  problems: RawProblem[];
  counter: LineCounter;
  decoder: StreamDecoder;
  bytesRead: number;
  close(): void;
}

/** Trims every field in place; false when all of them are empty (a blank spreadsheet row). */
function trimFields(values: string[]): boolean {
  let any = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!.trim();
    values[i] = v;
    if (v !== '') any = true;
  }
  return any;
}

function unclosedQuote(first: number, last: number): string {
  const lines = last > first ? `lines ${first}–${last} were` : `line ${first} was`;
  return `A quote (") opened on line ${first} is never closed, so ${lines} read as one field and not imported. Close the quote or remove it, then import the file again.`;
}

function runaway(first: number, last: number): string {
  return `Lines ${first}–${last} were not imported: a row longer than 1 MB starts on line ${first}, which almost always means a quote (") that is never closed. Fix that quote and import the file again.`;
}

/**
 * Opens a CSV export for streaming: detects the encoding (UTF-8 or Windows-1252) and the
 * delimiter from the first 256 KB, strips a BOM, accepts CRLF, LF and CR line ends (mixed
 * too), quoted newlines, trims fields and skips blank lines. Memory stays flat whatever the
 * file size.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<CsvReader> {
  const sample = sniff(path);
  const sniffed = options.encoding ?? detectEncoding(sample);
  const sampleText = new TextDecoder(sniffed).decode(sample);
  const delimiter = options.delimiter ?? detectDelimiter(sampleText);
  const totalBytes = fs.statSync(path).size;
  let current: Pass | null = null;

  const open = (): Pass => {
    // Without a forced encoding an all-ASCII start stays undecided (see StreamDecoder).
    const decoder = new StreamDecoder(options.encoding ?? (sniffed === 'utf-8' ? 'auto' : sniffed));
    const counter = new LineCounter();
    const problems: RawProblem[] = [];
    const pass: Pass = {
      parser: parse({
        delimiter,
        bom: true,
        // Any of the three line ends ends a record, so a file that mixes them (rows pasted
        // from another export) splits where a person sees lines; CRLF first so it is one end.
        record_delimiter: ['\r\n', '\n', '\r'],
        // No `trim` here: with it, csv-parse 7 silently stops at a quote followed by text.
        // Fields are trimmed below instead.
        skip_empty_lines: true,
        relax_column_count: true,
        // A stray quote inside a field (5" floppy, "bad"x) is kept as text instead of derailing
        // every row after it; validation of that field decides whether the row lands.
        relax_quotes: true,
        raw: true,
        max_record_size: MAX_RECORD_BYTES,
        skip_records_with_error: true,
        on_skip: (error: CsvError | undefined, raw: string | undefined) => {
          if (!error) return;
          const after = (error as CsvError & { records?: number }).records ?? Infinity;
          problems.push({ raw: raw ?? '', code: error.code, message: error.message, after });
        },
      }),
      problems,
      counter,
      decoder,
      bytesRead: 0,
      close: () => {
        source.destroy();
        decode.destroy();
        pass.parser.destroy();
      },
    };
    const decode = new Transform({
      readableObjectMode: false,
      transform(chunk: Buffer, _enc, done) {
        pass.bytesRead += chunk.length;
        const text = decoder.decode(chunk);
        counter.add(text);
        done(null, text);
      },
      flush(done) {
        const text = decoder.end();
        counter.add(text);
        counter.end();
        done(null, text);
      },
    });
    const source = fs.createReadStream(path, { highWaterMark: 1 << 20 });
    source.on('error', (e) => pass.parser.destroy(e));
    source.pipe(decode).pipe(pass.parser);
    return pass;
  };

  // The header row comes from a short pass of its own so batches() can start from the top.
  const headers = await (async () => {
    const pass = open();
    try {
      for await (const rec of pass.parser as AsyncIterable<ParsedRecord>) {
        if (trimFields(rec.record)) return rec.record.map((h) => h.replace(/^\uFEFF/, ''));
      }
    } finally {
      pass.close();
    }
    const problem = pass.problems[0];
    if (problem) {
      throw new ImportSetupError(
        problem.code === 'CSV_QUOTE_NOT_CLOSED' || problem.code === 'CSV_MAX_RECORD_SIZE'
          ? 'The header row has a quote (") that is never closed, so no column could be read. Fix the first line of the file.'
          : `The header row could not be read as CSV (${problem.message}).`,
      );
    }
    return [];
  })();

  return {
    get encoding() {
      return current?.decoder.encoding ?? sniffed;
    },
    delimiter,
    headers,
    totalBytes,
    bytesRead: () => current?.bytesRead ?? 0,
    async *batches() {
      const pass = open();
      current = pass;
      const { parser, problems, counter } = pass;
      // Line numbers come from counting line ends in each record's raw text: csv-parse's own
      // `info` option costs more than the parsing itself.
      let line = 0;
      let taken = 0;
      let first = true;
      let stopped: { line: number; raw: string } | null = null;
      let batch: (CsvRecord | CsvProblem)[] = [];
      const place = (raw: string) => {
        const { lead, inner, start } = scanRaw(raw);
        const at = line + 1 + lead;
        line = at + inner;
        return { at, text: start > 0 ? raw.slice(start) : raw };
      };
      // Problems take their place among the records by how many records preceded them.
      const drainProblems = (upTo = Infinity) => {
        while (problems.length > 0 && !stopped && problems[0]!.after <= upTo) {
          const p = problems.shift()!;
          const { at, text } = place(p.raw);
          if (p.code === 'CSV_MAX_RECORD_SIZE') {
            // csv-parse drops the rest of each chunk after this error: nothing after it is
            // trustworthy, so the rest of the file becomes one problem (counted at the end).
            stopped = { line: at, raw: text };
          } else if (p.code === 'CSV_QUOTE_NOT_CLOSED') {
            batch.push({ line: at, raw: text, reason: unclosedQuote(at, line) });
          } else {
            batch.push({
              line: at,
              raw: text,
              reason: `This row could not be read as CSV (${p.message}).`,
            });
          }
        }
        if (stopped) problems.length = 0;
      };
      const take = () => {
        for (let rec = parser.read() as ParsedRecord | null; rec; rec = parser.read()) {
          drainProblems(taken);
          taken++;
          if (stopped) continue;
          const { at, text } = place(rec.raw);
          const values = rec.record;
          if (!trimFields(values)) continue;
          if (first) {
            first = false;
            continue;
          }
          batch.push({ line: at, values, raw: text });
        }
      };
      const ended = new Promise<void>((resolve, reject) => {
        parser.once('end', resolve);
        parser.once('error', reject);
      });
      let done = false;
      void ended.then(
        () => (done = true),
        () => (done = true),
      );
      try {
        while (!done) {
          await Promise.race([new Promise((r) => parser.once('readable', r)), ended]);
          take();
          if (batch.length > 0) {
            yield batch;
            batch = [];
          }
        }
        await ended;
        take();
        drainProblems();
        const last = counter.lastContentLine;
        if (stopped) {
          const s = stopped as { line: number; raw: string };
          batch.push({ line: s.line, raw: s.raw, reason: runaway(s.line, Math.max(s.line, last)) });
        } else if (last > line) {
          // Safety net: the parser never accounts for fewer lines than the file has.
          batch.push({
            line: line + 1,
            raw: '',
            reason: `Lines ${line + 1}–${last} could not be read as CSV. Check the file for a broken quote near line ${line + 1}.`,
          });
        }
        if (batch.length > 0) yield batch;
      } finally {
        pass.close();
      }
    },
  };
}
