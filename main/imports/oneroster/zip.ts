/**
 * Unpacks a OneRoster zip into a folder, refusing archives that could write outside it
 * (zip-slip: absolute paths, "..", symlinks) or that expand without bound (zip bombs: capped
 * on entry count and on bytes actually inflated, since sizes in the headers can lie).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

/** A district's full roster is a few hundred MB of CSV; 2 GB leaves room and stops bombs. */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 2 * 1024 ** 3 };

/** The archive is not one Sightline will unpack; the message says why, for a person. */
export class ZipRejected extends Error {
  override readonly name = 'ZipRejected';
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function describe(error: Error): string {
  if ((error as { code?: string }).code === 'EEXIST') {
    return 'The zip lists the same file twice; re-create it from the export folder.';
  }
  // yauzl's own checks: absolute paths, "..", bad central directory, size mismatches.
  if (/absolute path|invalid relative path|invalid characters/.test(error.message)) {
    return `The zip contains a file path that points outside the bundle (${error.message}). Sightline does not unpack such archives; re-create the zip from the export folder.`;
  }
  return `The zip could not be read (${error.message}). Check that the file is a complete .zip and not damaged.`;
}

export async function extractZip(
  zipPath: string,
  dest: string,
  limits = ZIP_LIMITS,
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw new ZipRejected(describe(error as Error));
  }
  const root = path.resolve(dest);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ZipRejected(
        `The zip has ${zip.entryCount} entries; a OneRoster bundle has about 20 files. Sightline unpacks at most ${limits.maxEntries}.`,
      );
    }
    let total = 0;
    const tooBig = () =>
      new ZipRejected(
        `The zip expands to more than ${Math.round(limits.maxTotalBytes / 1024 ** 2)} MB, more than any OneRoster roster; it was not unpacked.`,
      );
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue; // a folder: made as its files need it
      const target = path.resolve(root, entry.fileName);
      if (!target.startsWith(root + path.sep)) {
        throw new ZipRejected(
          `The zip entry "${entry.fileName}" would be written outside the bundle folder; not unpacked.`,
        );
      }
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        throw new ZipRejected(
          `The zip entry "${entry.fileName}" is a symbolic link; OneRoster bundles hold plain CSV files.`,
        );
      }
      if (entry.isEncrypted()) {
        throw new ZipRejected(
          `The zip entry "${entry.fileName}" is password-protected; export the bundle without a password.`,
        );
      }
      if (total + entry.uncompressedSize > limits.maxTotalBytes) throw tooBig();
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          total += chunk.length;
          done(total > limits.maxTotalBytes ? tooBig() : null, chunk);
        },
      });
      await pipeline(
        await zip.openReadStreamPromise(entry),
        count,
        fs.createWriteStream(target, { flags: 'wx' }),
      );
    }
  } catch (error) {
    if (error instanceof ZipRejected) throw error;
    throw new ZipRejected(describe(error as Error));
  } finally {
    zip.close();
  }
}

/** The names of the files in a zip (for recognising a bundle without unpacking it). */
export async function zipFileNames(zipPath: string, limits = ZIP_LIMITS): Promise<string[]> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    if (zip.entryCount > limits.maxEntries) return [];
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    return names;
  } finally {
    zip.close();
  }
}
