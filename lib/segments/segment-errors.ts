/**
 * Expected problems of the segments service, as values with messages written
 * for the person who made the request. lib/http/api-error.ts maps them to
 * 4xx answers; the CLI prints them and exits 2.
 */

/** A definition that failed validation: the sentences validateDefinition wrote, one per problem. */
export class DefinitionValidationError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(errors.length === 1 ? errors[0]! : `The definition has ${errors.length} problems: ${errors.join("; ")}`);
    this.name = "DefinitionValidationError";
  }
}

export type SegmentsErrorCode =
  /** The dataset has no computed features yet (no feature refresh). */
  | "features_missing"
  /** The request asks for an as-of date the stored features were not computed for. */
  | "as_of_unavailable"
  /** Saving a definition identical to its latest version. */
  | "unchanged"
  /** A model without a built-in definition (clusters) asked for without a saved one. */
  | "definition_required"
  /** A request that parses but cannot be served as asked (e.g. an unknown sort column for this model). */
  | "invalid_request";

const STATUS: Record<SegmentsErrorCode, number> = {
  features_missing: 409,
  as_of_unavailable: 400,
  unchanged: 409,
  definition_required: 400,
  invalid_request: 400,
};

export class SegmentsRequestError extends Error {
  readonly status: number;
  constructor(
    readonly code: SegmentsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SegmentsRequestError";
    this.status = STATUS[code];
  }
}
