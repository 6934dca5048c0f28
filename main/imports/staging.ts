/**
 * Uploads from the renderer land here before an import: the browser host cannot read the
 * user's disk, and the same path serves Electron. One folder per upload under the data folder;
 * bytes arrive in order, and a file is ready once it has all the bytes it announced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../api/contract';

interface StagedMeta {
  fileName: string;
  size: number;
  createdAt: number;
  /** The staff member who uploaded it: only they can add to it, preview or import it. */
  owner?: string;
}

export interface StagedFile extends StagedMeta {
  id: string;
  path: string;
  received: number;
}

/** Uploads older than this are removed at start (their imports are long done or abandoned). */
const KEEP_MS = 7 * 24 * 3600 * 1000;

/** The bytes keep the upload's extension: a .zip must still look like one to the importer. */
function dataPath(dir: string, fileName: string): string {
  const ext = /\.[a-z0-9]{1,8}$/i.exec(fileName)?.[0].toLowerCase() ?? '';
  return path.join(dir, `upload${ext}`);
}

export class Staging {
  readonly #root: string;

  constructor(dataDir: string) {
    this.#root = path.join(dataDir, 'staging');
  }

  create(fileName: string, size: number, owner?: string): StagedFile {
    const id = uuidv7();
    const dir = path.join(this.#root, id);
    fs.mkdirSync(dir, { recursive: true });
    // Only the base name is kept: an upload can never choose where it is written.
    const safeName = path.basename(fileName).replace(/[^\w.\- ()]/g, '_') || 'upload';
    const meta: StagedMeta = { fileName: safeName, size, createdAt: Date.now(), owner };
    fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta));
    fs.writeFileSync(dataPath(dir, safeName), '');
    return { id, ...meta, path: dataPath(dir, safeName), received: 0 };
  }

  /** `owner`, when given, must be who uploaded it; anyone else is told there is no such upload. */
  get(id: string, owner?: string): StagedFile {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new ApiError('not_found', 'There is no such upload.');
    const dir = path.join(this.#root, id);
    let meta: StagedMeta;
    try {
      meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as StagedMeta;
    } catch {
      throw new ApiError(
        'not_found',
        'That upload is gone (uploads are kept for 7 days). Add the file again.',
      );
    }
    if (owner !== undefined && meta.owner !== undefined && meta.owner !== owner) {
      throw new ApiError('not_found', 'There is no such upload.');
    }
    const file = dataPath(dir, meta.fileName);
    return { id, ...meta, path: file, received: fs.statSync(file).size };
  }

  append(id: string, offset: number, bytes: Buffer, owner?: string): number {
    const staged = this.get(id, owner);
    if (offset !== staged.received) {
      throw new ApiError(
        'invalid_input',
        `Upload chunk out of order: expected byte ${staged.received}, got ${offset}.`,
      );
    }
    if (staged.received + bytes.length > staged.size) {
      throw new ApiError('invalid_input', 'The upload is larger than the size it announced.');
    }
    fs.appendFileSync(staged.path, bytes);
    return staged.received + bytes.length;
  }

  /** The staged file, refusing one whose upload has not finished. */
  complete(id: string, owner?: string): StagedFile {
    const staged = this.get(id, owner);
    if (staged.received !== staged.size) {
      throw new ApiError(
        'invalid_input',
        `${staged.fileName} is still uploading (${staged.received} of ${staged.size} bytes).`,
      );
    }
    return staged;
  }

  removeOld(now = Date.now()): number {
    let removed = 0;
    for (const id of fs.existsSync(this.#root) ? fs.readdirSync(this.#root) : []) {
      try {
        if (now - this.get(id).createdAt > KEEP_MS) {
          fs.rmSync(path.join(this.#root, id), { recursive: true, force: true });
          removed++;
        }
      } catch {
        fs.rmSync(path.join(this.#root, id), { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }
}
