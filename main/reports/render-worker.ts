/**
 * The host's side of the reports worker: one long-lived worker thread (started on the first
 * report, stopped after a quiet spell) that turns report data into PDF bytes. pdfkit is
 * CPU-bound; drawing a report in the host would stall every other request meanwhile.
 */
import { Worker } from 'node:worker_threads';
import type { RenderReply, ReportRequest } from './report-data';

/** A worker left idle this long is stopped; the next report starts a fresh one. */
const IDLE_MS = 120_000;

function workerLocation(): { file: URL; entry?: string } {
  const here = import.meta.url;
  // As main/jobs/runner.ts: built hosts ship reports-worker.js beside their main bundle (see
  // vite.host.config.ts and electron.vite.config.ts); from source, tsx loads worker.ts.
  if (here.endsWith('.ts')) {
    return {
      file: new URL('../jobs/dev-worker-bootstrap.mjs', here),
      entry: new URL('./worker.ts', here).href,
    };
  }
  return { file: new URL('./reports-worker.js', here) };
}

interface Pending {
  /** The worker drawing it: a worker stopping fails only its own requests. */
  worker: Worker;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | null = null;

function failAll(w: Worker, error: Error): void {
  for (const [id, p] of pending) {
    if (p.worker !== w) continue;
    pending.delete(id);
    p.reject(error);
  }
}

function start(): Worker {
  const { file, entry } = workerLocation();
  const w = new Worker(file, entry ? { workerData: { entry } } : {});
  w.on('message', (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(Buffer.from(reply.pdf));
    else waiting.reject(new Error(`The report could not be drawn: ${reply.error}`));
    settle(w);
  });
  w.on('error', (error) => {
    if (worker === w) worker = null;
    failAll(w, error);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    failAll(w, new Error(`The reports worker stopped (exit code ${code}).`));
  });
  return w;
}

/**
 * An idle worker must not keep a CLI process alive, and should not hold memory for long; a busy
 * one must keep the process alive until its PDFs are back.
 */
function settle(w: Worker): void {
  if (pending.size > 0) return;
  w.unref();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === w && pending.size === 0) {
      worker = null;
      void w.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

/** Draws a report in the worker and resolves with its PDF bytes. */
export function renderInWorker(request: ReportRequest): Promise<Buffer> {
  worker ??= start();
  const w = worker;
  w.ref();
  if (idleTimer) clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { worker: w, resolve, reject });
    w.postMessage({ id, request });
  });
}

/** Stops the worker now (tests and benchmarks; hosts let the idle timer do it). */
export async function stopReportsWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (idleTimer) clearTimeout(idleTimer);
  if (w) await w.terminate();
}
