import { z } from "zod";

// Response of GET /api/datasets/[name]/event-names (the browser imports this file).
export const eventNameCountSchema = z.object({ name: z.string(), events: z.number().int().min(0) });
export type EventNameCount = z.infer<typeof eventNameCountSchema>;
export const eventNamesResponseSchema = z.object({ eventNames: z.array(eventNameCountSchema) });
