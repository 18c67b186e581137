import { z } from "zod";

/**
 * A JSON request body checked against its schema. A body that is not JSON
 * becomes the same 400 as a body of the wrong shape (a ZodError), instead of
 * an unexpected 500.
 */
export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new z.ZodError([{ code: "custom", path: [], message: "The request body must be JSON", input: undefined }]);
  }
  return schema.parse(body);
}
