import { getDatabase } from "@/lib/db/client";
import { getAudit } from "@/lib/audit/audit";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Tracking-plan audit: findings with severity, evidence, the fix and the analyses they block. */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const { db } = await getDatabase();
    return Response.json(await getAudit(db, name));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/audit");
  }
}
