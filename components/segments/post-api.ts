import type { z } from "zod";
import { toApiRequestError } from "@/lib/http/fetch-api";

/** POST (or PATCH) JSON to a Strata API route and check the answer against its schema; a non-2xx throws ApiRequestError with the server's message. */
export async function postApi<Schema extends z.ZodType>(
  url: string,
  body: unknown,
  schema: Schema,
  signal?: AbortSignal,
  method: "POST" | "PATCH" = "POST",
): Promise<z.infer<Schema>> {
  const response = await fetch(url, {
    method,
    signal,
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await toApiRequestError(response);
  return schema.parse(await response.json());
}
