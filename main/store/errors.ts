/** Why a database file could not be opened; each carries a message a person can act on. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code:
      'corrupt' | 'newer_version' | 'not_sightline' | 'key_missing' | 'key_unusable' | 'in_use',
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
