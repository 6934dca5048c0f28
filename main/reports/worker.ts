/**
 * Worker-thread entry that draws report PDFs, so pdfkit's CPU work never blocks the host's event
 * loop. It gets plain data (gathered and scoped by the host), never a database connection.
 */
import { parentPort } from 'node:worker_threads';
import type { RenderJob, RenderReply } from './report-data';
import { renderReport } from './render';

const port = parentPort!;

/** The bytes in an ArrayBuffer of their own, so transferring it moves nothing else. */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return bytes.buffer as ArrayBuffer;
  }
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

port.on('message', (job: RenderJob) => {
  void (async () => {
    let reply: RenderReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const pdf = ownBuffer(await renderReport(job.request));
      reply = { id: job.id, ok: true, pdf };
      transfer = [pdf];
    } catch (error) {
      // Answered, never thrown: an uncaught error would end the worker for every later report.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      reply = { id: job.id, ok: false, error: message };
    }
    port.postMessage(reply, transfer);
  })();
});
