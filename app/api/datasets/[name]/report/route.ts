import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { REPORT_CONTENT_TYPES, renderReport, reportFileName } from "@/lib/report/report-output";
import { reportQuerySchema } from "@/lib/report/report.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The segmentation report: `?format=json|md|html[&definition=Name@3]`; md and html come as downloads. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = reportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    const body = await renderReport(db, name, query);
    const headers: Record<string, string> = { "Content-Type": REPORT_CONTENT_TYPES[query.format] };
    if (query.format !== "json") headers["Content-Disposition"] = `attachment; filename="${reportFileName(name, query.format)}"`;
    return new Response(body, { headers });
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/report");
  }
}
