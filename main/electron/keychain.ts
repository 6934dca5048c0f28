import { safeStorage } from 'electron';
import { ownerOnlyFile, type KeyProtector } from '../store/key';

/**
 * The OS keychain (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) through
 * Electron's safeStorage. Where Linux has no keyring, Electron would fall back to a hard-coded
 * password ('basic_text'); that is no protection, so the key stays in an owner-only file and
 * the app says so (system.info reports the protection in use).
 */
export async function keychainProtector(log: (message: string) => void): Promise<KeyProtector> {
  const weak =
    !(await safeStorage.isAsyncEncryptionAvailable()) ||
    (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  if (weak) {
    log('No OS keychain is available; the database key is kept in an owner-only file.');
    return ownerOnlyFile;
  }
  return {
    kind: 'os-keychain',
    wrap: (key) => safeStorage.encryptStringAsync(key.toString('base64')),
    unwrap: async (wrapped) =>
      Buffer.from((await safeStorage.decryptStringAsync(wrapped)).result, 'base64'),
  };
}
