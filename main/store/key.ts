import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { KeyProtection } from '../api/contract';
import { DatabaseOpenError } from './errors';

/**
 * The database's encryption key: 32 random bytes, made once per database file and kept beside it
 * in `<file>.key`. What guards the key file is the host's choice:
 * - the desktop app wraps the key with the OS keychain (Electron `safeStorage`), so a copied
 *   laptop disk or database file cannot be read without that user's OS login;
 * - the browser host and the CLI have no keychain, so their key file holds the key itself,
 *   readable only by its owner (mode 0600). That protects a database file copied on its own,
 *   not a copied data folder; the README says so.
 * The key is random, so SQLite3MultipleCiphers takes it raw and skips its password KDF.
 */
export interface KeyProtector {
  readonly kind: KeyProtection;
  wrap(key: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

const KEY_BYTES = 32;

/** The key as written to disk, never with the database. */
const KeyFile = z
  .object({
    format: z.literal('sightline-store-key'),
    version: z.literal(1),
    cipher: z.literal('aegis'),
    protection: z.enum(['os-keychain', 'owner-only-file'] satisfies KeyProtection[]),
    key: z.string().min(1),
  })
  .strict();
type KeyFile = z.infer<typeof KeyFile>;

/** Keeps the key as it is; the file's owner-only mode is the only guard. */
export const ownerOnlyFile: KeyProtector = {
  kind: 'owner-only-file',
  wrap: (key) => Promise.resolve(key),
  unwrap: (wrapped) => Promise.resolve(wrapped),
};

export function storeKeyPath(databaseFile: string): string {
  return `${databaseFile}.key`;
}

export interface StoreKey {
  key: Buffer;
  protection: KeyProtection;
}

/** Reads the key of an existing database; null when there is no key file. */
export async function readStoreKey(
  databaseFile: string,
  protector: KeyProtector,
): Promise<StoreKey | null> {
  const file = storeKeyPath(databaseFile);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: KeyFile;
  try {
    parsed = KeyFile.parse(JSON.parse(text));
  } catch {
    throw new DatabaseOpenError(
      'key_unusable',
      `The key file ${file} is damaged, so the database beside it cannot be decrypted. Both were left untouched; restore the key file from a backup.`,
      databaseFile,
    );
  }
  const stored = Buffer.from(parsed.key, 'base64');
  let key: Buffer;
  if (parsed.protection === protector.kind) {
    try {
      key = await protector.unwrap(stored);
    } catch (error) {
      throw new DatabaseOpenError(
        'key_unusable',
        `The OS keychain could not unlock the key in ${file} (${(error as Error).message}). ` +
          'The key belongs to another user account or machine; the database was left untouched.',
        databaseFile,
      );
    }
  } else if (parsed.protection === 'owner-only-file') {
    // A database made by the browser host, now opened by the desktop app: the key moves into
    // the keychain below.
    key = stored;
  } else {
    throw new DatabaseOpenError(
      'key_unusable',
      `This database's key is sealed by the OS keychain (${file}), and no keychain can be used here: ` +
        'the browser host and the CLI have none, and the desktop app finds it locked or missing. ' +
        'Open it with the desktop app once the keychain is unlocked, or point SIGHTLINE_DATA_DIR at another folder.',
      databaseFile,
    );
  }
  if (key.length !== KEY_BYTES) {
    throw new DatabaseOpenError(
      'key_unusable',
      `The key in ${file} has the wrong length. The database was left untouched; restore the key file from a backup.`,
      databaseFile,
    );
  }
  if (parsed.protection !== protector.kind) await writeStoreKey(databaseFile, key, protector);
  return { key, protection: protector.kind };
}

/** Makes a new key and writes it (before the database exists, so a key never goes missing). */
export async function createStoreKey(
  databaseFile: string,
  protector: KeyProtector,
): Promise<StoreKey> {
  const key = crypto.randomBytes(KEY_BYTES);
  await writeStoreKey(databaseFile, key, protector);
  return { key, protection: protector.kind };
}

async function writeStoreKey(
  databaseFile: string,
  key: Buffer,
  protector: KeyProtector,
): Promise<void> {
  const file = storeKeyPath(databaseFile);
  const body: KeyFile = {
    format: 'sightline-store-key',
    version: 1,
    cipher: 'aegis',
    protection: protector.kind,
    key: (await protector.wrap(key)).toString('base64'),
  };
  // A sealed key that cannot be unsealed would lose the database the moment it replaced the
  // readable one: prove the round trip first.
  const unsealed = await protector.unwrap(Buffer.from(body.key, 'base64'));
  if (!unsealed.equals(key)) {
    throw new Error(
      'The OS keychain did not give back the key it sealed; the key file was left as it was.',
    );
  }
  // Written aside, flushed, renamed and the folder flushed, so a crash or power cut never
  // leaves half a key, or a database whose key is not yet on disk.
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify(body, null, 2) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncFolder(path.dirname(file));
}

/** Flushes a folder's entries (a rename is durable only then); Windows cannot open folders. */
export function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = fs.openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is as durable as they allow.
  } finally {
    fs.closeSync(fd);
  }
}

/** SQLite3MultipleCiphers' pragmas: AEGIS-256 (authenticated, AES-NI), raw 32-byte key. */
export function keyPragmas(key: Buffer): string[] {
  return [`cipher = 'aegis'`, `key = 'raw:${key.toString('hex')}'`];
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts with SQLite's plaintext header (a database from before encryption). */
export function isPlaintextDatabase(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}
