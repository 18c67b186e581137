import { apiErrorResponse } from "@/lib/http/api-error";
import { listModels } from "@/lib/segments/list-models";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The segmentation models: ids, names, descriptions, default definitions and their segments' criteria. */
export async function GET() {
  try {
    return Response.json(listModels());
  } catch (error) {
    return apiErrorResponse(error, "GET /api/models");
  }
}
