import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder for one test's real SQLite files; removed by the returned cleanup. */
export function tempDir(prefix = 'sightline-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Resolves once `check()` holds, polling; rejects after `timeoutMs`. */
export function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}
