import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-body";
import { savePlaybookRequestSchema } from "@/lib/recommendations/playbook.types";
import { getPlaybook, savePlaybook } from "@/lib/recommendations/recommendation-playbook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The recommendation playbook in force, its saved versions and the built-in rules. */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const { db } = await getDatabase();
    return Response.json(await getPlaybook(db, name));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/playbook");
  }
}

/** Saves `{ rules, note? }` (the whole new playbook) or `{ reset: true, note? }` as the next version; 400 names each invalid field. */
export async function PUT(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const body = await readJsonBody(request, savePlaybookRequestSchema);
    const { db } = await getDatabase();
    await savePlaybook(db, name, body);
    return Response.json(await getPlaybook(db, name));
  } catch (error) {
    return apiErrorResponse(error, "PUT /api/datasets/[name]/playbook");
  }
}
