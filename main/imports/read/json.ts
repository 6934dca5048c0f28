import fs from 'node:fs';
import readline from 'node:readline';
import { Transform } from 'node:stream';
import { SNIFF_BYTES, StreamDecoder } from './encoding';
import { JsonSplitter } from './json-split';

/** One JSON value of a file and the line it starts on. */
export interface JsonRecord {
  line: number;
  value: unknown;
  raw: string;
}

export interface JsonProblem {
  line: number;
  raw: string;
  reason: string;
}

export interface JsonReader {
  /** `lines`: one value per line (JSON lines); `document`: one JSON array or object. */
  format: 'lines' | 'document';
  totalBytes: number;
  bytesRead(): number;
  batches(): AsyncGenerator<(JsonRecord | JsonProblem)[]>;
}

export function isJsonProblem(r: JsonRecord | JsonProblem): r is JsonProblem {
  return (r as JsonProblem).reason !== undefined;
}

const BATCH = 1000;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON lines unless the file opens like a document: a `[`, a `{` alone on its first line, or
 * a first line that stops mid-structure (`{"statements": [`). A JSON-lines file whose first
 * line is merely broken still reads as lines, so only that line is lost.
 */
export function detectJsonFormat(sample: string): 'lines' | 'document' {
  const text = sample.replace(/^\uFEFF/, '');
  const first =
    text
      .split(/\r\n|\n|\r/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (first.startsWith('[') || first === '{') return 'document';
  if (parses(first)) return 'lines';
  return /[[{,:]$/.test(first) ? 'document' : 'lines';
}

function parseRecord(
  line: number,
  raw: string,
  format: 'lines' | 'document',
): JsonRecord | JsonProblem {
  let text = raw.trim();
  // Some exporters write one statement per line but keep the array's commas.
  if (text.endsWith(',') && !parses(text)) text = text.slice(0, -1);
  try {
    return { line, value: JSON.parse(text) as unknown, raw };
  } catch (error) {
    const why = (error as Error).message;
    return {
      line,
      raw,
      reason:
        format === 'lines'
          ? `Line ${line} is not valid JSON (${why}). Each line must hold one complete xAPI statement; fix or remove this line.`
          : `The statement starting on line ${line} is not valid JSON (${why}). Fix or remove it.`,
    };
  }
}

/**
 * Opens an xAPI export for streaming: JSON lines read with node:readline (LF, CRLF or CR line
 * ends, a BOM dropped), or one JSON array / LRS response split record by record. Memory stays
 * flat whatever the file size.
 */
export function openJsonRecords(path: string): JsonReader {
  const fd = fs.openSync(path, 'r');
  const sample = Buffer.alloc(Math.min(SNIFF_BYTES, 64 * 1024));
  const n = fs.readSync(fd, sample, 0, sample.length, 0);
  fs.closeSync(fd);
  const format = detectJsonFormat(new TextDecoder().decode(sample.subarray(0, n)));
  const totalBytes = fs.statSync(path).size;
  let bytesRead = 0;

  const open = () => {
    bytesRead = 0;
    const decoder = new StreamDecoder('auto');
    const source = fs.createReadStream(path, { highWaterMark: 1 << 20 });
    const decode = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytesRead += chunk.length;
        done(null, decoder.decode(chunk));
      },
      flush(done) {
        done(null, decoder.end());
      },
    });
    source.on('error', (e) => decode.destroy(e));
    return { stream: source.pipe(decode), close: () => (source.destroy(), decode.destroy()) };
  };

  return {
    format,
    totalBytes,
    bytesRead: () => bytesRead,
    async *batches() {
      const { stream, close } = open();
      try {
        if (format === 'lines') {
          const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
          let line = 0;
          let batch: (JsonRecord | JsonProblem)[] = [];
          for await (const text of lines) {
            line++;
            if (text.trim() === '') continue;
            batch.push(parseRecord(line, text, 'lines'));
            if (batch.length >= BATCH) {
              yield batch;
              batch = [];
            }
          }
          if (batch.length > 0) yield batch;
          return;
        }
        let batch: (JsonRecord | JsonProblem)[] = [];
        const splitter = new JsonSplitter(
          ({ line, text }) => batch.push(parseRecord(line, text, 'document')),
          (problem) => batch.push(problem),
        );
        for await (const chunk of stream as AsyncIterable<string | Buffer>) {
          splitter.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
          if (batch.length > 0) {
            yield batch;
            batch = [];
          }
        }
        splitter.end();
        if (batch.length > 0) yield batch;
      } finally {
        close();
      }
    },
  };
}
