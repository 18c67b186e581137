import type { z } from "zod";
import { apiErrorBodySchema } from "./api-error-body";

/** A non-2xx answer from a Strata API route, carrying its message (safe to show) and error id. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly errorId?: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Reads the one error shape the API answers with; falls back to the status line. */
export async function toApiRequestError(response: Response): Promise<ApiRequestError> {
  const body = apiErrorBodySchema.safeParse(await response.json().catch(() => null));
  if (body.success) return new ApiRequestError(body.data.error.message, response.status, body.data.error.code, body.data.error.id);
  return new ApiRequestError(`The server answered ${response.status} ${response.statusText}.`, response.status, "http_error");
}

/** GET a Strata API route in the browser and check the answer against its schema. */
export async function fetchApi<Schema extends z.ZodType>(url: string, schema: Schema, signal?: AbortSignal): Promise<z.infer<Schema>> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw await toApiRequestError(response);
  return schema.parse(await response.json());
}
