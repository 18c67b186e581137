import { randomBytes } from "node:crypto";
import { ZodError } from "zod";
import { FeatureRefreshError } from "../features/refresh-features";
import { IngestFileError } from "../ingest/types";
import { PlaybookValidationError } from "../recommendations/playbook-validation";
import { DefinitionValidationError, SegmentsRequestError } from "../segments/segment-errors";
import type { ApiErrorBody } from "./api-error-body";
import { NotFoundError } from "./not-found-error";

/** A readable one-liner from zod issues: `pageSize: Too big: expected number to be <=200`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export interface ClassifiedError {
  status: number;
  body: ApiErrorBody;
}

/**
 * Expected problems become a 4xx with their own message; anything else is
 * logged with a short id and answered with an apology quoting that id, so
 * internals never leak but the log line can be found.
 */
export function classifyError(error: unknown, context: string): ClassifiedError {
  if (error instanceof ZodError) {
    return { status: 400, body: { error: { code: "invalid_request", message: describeZodError(error) } } };
  }
  // Name check as well as instanceof: a bundler may load the class twice.
  if (error instanceof IngestFileError || (error instanceof Error && error.name === "IngestFileError")) {
    return { status: 400, body: { error: { code: "bad_file", message: (error as Error).message } } };
  }
  if (error instanceof FeatureRefreshError) {
    return { status: 400, body: { error: { code: "refresh_failed", message: error.message } } };
  }
  if (error instanceof DefinitionValidationError) {
    // The same sentences the rule editor shows, one per problem, plus all of them in one message.
    return { status: 400, body: { error: { code: "invalid_definition", message: error.message, details: [...error.errors] } } };
  }
  if (error instanceof PlaybookValidationError) {
    // The same sentences the Playbook page shows beside each field.
    return { status: 400, body: { error: { code: "invalid_playbook", message: error.message, details: [...error.errors] } } };
  }
  if (error instanceof SegmentsRequestError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  if (error instanceof NotFoundError) {
    return { status: 404, body: { error: { code: "not_found", message: error.message } } };
  }
  const id = randomBytes(4).toString("hex");
  console.error(`[strata] ${context} failed (error id ${id}):`, error);
  return {
    status: 500,
    body: { error: { code: "internal", message: `Sorry, something went wrong on our side (error id ${id}).`, id } },
  };
}

/** The central mapper every route handler's `catch` calls. */
export function apiErrorResponse(error: unknown, context: string): Response {
  const { status, body } = classifyError(error, context);
  return Response.json(body, { status });
}
