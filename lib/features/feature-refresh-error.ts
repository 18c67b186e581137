/**
 * An expected problem with a feature refresh request or its dataset (no such
 * dataset, no events yet, bad timezone, an incremental refresh that would give
 * wrong rows), with a message the user can act on. The API answers it with 400.
 */
export class FeatureRefreshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeatureRefreshError";
  }
}
