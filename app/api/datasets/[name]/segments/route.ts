import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-body";
import { computeSegments } from "@/lib/segments/compute-segments";
import { computeSegmentsRequestSchema } from "@/lib/segments/compute-segments.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Segment sizes, criteria, notes and actions for a posted definition or a
 * saved one: `{ modelId, definition? | definitionRef?, filters?, asOf?, playbook?, notes? }`.
 */
export async function POST(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const body = await readJsonBody(request, computeSegmentsRequestSchema);
    const { db } = await getDatabase();
    return Response.json(await computeSegments(db, name, body));
  } catch (error) {
    return apiErrorResponse(error, "POST /api/datasets/[name]/segments");
  }
}
