/** Thrown inside a batch's transaction when the run is cancelled, so the batch rolls back. */
export class PipelineCancelled extends Error {
  constructor() {
    super('The pipeline run was cancelled.');
    this.name = 'PipelineCancelled';
  }
}
