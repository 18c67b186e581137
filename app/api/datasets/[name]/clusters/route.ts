import { runClustering } from "@/lib/clustering/run-clustering";
import { clusterRequestSchema } from "@/lib/clustering/clustering.types";
import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** k-means, Ward and DBSCAN compared on the dataset's users: `{ features?, k?: "auto" | 2–10, outcome?, seed? }`. */
export async function POST(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const body = await readJsonBody(request, clusterRequestSchema);
    const { db } = await getDatabase();
    return Response.json(await runClustering(db, name, body));
  } catch (error) {
    return apiErrorResponse(error, "POST /api/datasets/[name]/clusters");
  }
}
