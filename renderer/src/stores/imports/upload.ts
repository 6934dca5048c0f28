import { ApiError } from '../../../../main/api/errors';
import { i18n } from '../../i18n';
import { request } from '../request';
import { bytesToBase64, chunkRanges } from './chunks';

/**
 * Uploads one file to the core's staging area: `imports.stage`, then its bytes in order through
 * `imports.append`. Reports bytes sent after each chunk; stops (throwing `UploadStopped`) once
 * `stopped()` says the user removed the file. Returns the staged id.
 */
export class UploadStopped extends Error {
  constructor() {
    super('Upload stopped');
    this.name = 'UploadStopped';
  }
}

export async function uploadFile(
  file: Blob & { name: string },
  onProgress: (sent: number) => void,
  stopped: () => boolean,
): Promise<string> {
  const { stagedId } = await request('imports.stage', { fileName: file.name, size: file.size });
  let sent = 0;
  for (const [start, end] of chunkRanges(file.size)) {
    if (stopped()) throw new UploadStopped();
    const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
    const { received } = await request('imports.append', {
      stagedId,
      offset: start,
      data: bytesToBase64(bytes),
    });
    if (received !== end) {
      throw new ApiError(
        'internal',
        i18n.t('imports:uploadList.outOfStep', { file: file.name, received, end }),
      );
    }
    sent = received;
    onProgress(sent);
  }
  return stagedId;
}
