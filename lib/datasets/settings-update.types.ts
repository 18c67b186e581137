import { z } from "zod";
import { datasetDetailSchema } from "./get-dataset.types";

// Response of PATCH /api/datasets/[name] (the browser imports this file).
export const settingsUpdateSchema = z.object({
  dataset: datasetDetailSchema,
  changed: z.array(z.string()),
  refresh: z.object({ mode: z.string(), users: z.number().int(), durationMs: z.number() }).nullable(),
});
