import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { requireDatasetId } from "@/lib/datasets/find-dataset-id";
import { listIngestJobs } from "@/lib/datasets/list-ingest-jobs";
import { ingestJobListQuerySchema } from "@/lib/datasets/list-ingest-jobs.types";
import { apiErrorResponse } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The dataset's ingest jobs, newest first: `?limit=100`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = ingestJobListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await listIngestJobs(db, await requireDatasetId(db, name), query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/jobs");
  }
}
