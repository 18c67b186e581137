import { z } from "zod";

/** A dataset named in a URL: any existing name, so datasets loaded by the CLI stay reachable. */
export const datasetNameSchema = z.string().trim().min(1, "Dataset name is required").max(200, "Dataset name is too long");

/**
 * A name for a dataset created from the browser: it becomes part of URLs and
 * CLI arguments, so keep it to characters that need no quoting.
 */
export const newDatasetNameSchema = z
  .string()
  .trim()
  .min(1, "Dataset name is required")
  .max(64, "Dataset name must be at most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dot, dash or underscore, starting with a letter or digit");
