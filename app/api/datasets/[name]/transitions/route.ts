import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { getTransitionMatrix } from "@/lib/snapshots/transition-matrix";
import { transitionsQuerySchema } from "@/lib/snapshots/snapshot.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Segment transitions between two stored snapshots: `?definition=NAME[&version=N][&from=YYYY-MM-DD&to=YYYY-MM-DD]`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = transitionsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await getTransitionMatrix(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/transitions");
  }
}
