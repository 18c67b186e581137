import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { listEventNames } from "@/lib/datasets/event-names";
import { getDatabase } from "@/lib/db/client";
import { apiErrorResponse } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The dataset's event names with their counts, most frequent first: `{ eventNames: [{ name, events }] }`. */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const { db } = await getDatabase();
    return Response.json({ eventNames: await listEventNames(db, name) });
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/event-names");
  }
}
