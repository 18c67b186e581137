import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { requireDatasetId } from "@/lib/datasets/find-dataset-id";
import { listDatasetUsers } from "@/lib/datasets/list-dataset-users";
import { userListQuerySchema } from "@/lib/datasets/list-dataset-users.types";
import { apiErrorResponse } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A page of users with features: `?page=1&pageSize=50&sort=lastSeen&dir=desc&q=prefix`. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = userListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await listDatasetUsers(db, await requireDatasetId(db, name), query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/users");
  }
}
