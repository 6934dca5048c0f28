/** The import could not start: a person must fix the file or the mapping first. */
export class ImportSetupError extends Error {
  override readonly name = 'ImportSetupError';
}

/** The user pressed Cancel; the file's transaction is rolled back. */
export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
  constructor() {
    super('Import cancelled');
  }
}
