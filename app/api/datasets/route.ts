import { getDatabase } from "@/lib/db/client";
import { listDatasets } from "@/lib/datasets/list-datasets";
import { apiErrorResponse } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every dataset with its event and user counts and last ingest. */
export async function GET() {
  try {
    const { db } = await getDatabase();
    return Response.json(await listDatasets(db));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets");
  }
}
