import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { textStream } from "@/lib/http/stream-chunks";
import { exportSegmentCsv } from "@/lib/segments/segment-export";
import { parseSegmentExportQuery } from "@/lib/segments/segment-export.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A segment's users as CSV, streamed: the scope's parameters plus `segment`.
 * The file name says dataset, segment, definition version and as-of day.
 */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = parseSegmentExportQuery(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    const csv = await exportSegmentCsv(db, name, query);
    return new Response(textStream(csv.chunks), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csv.fileName}"`,
        "Cache-Control": "no-store",
        "X-Strata-Rows": String(csv.rows),
        "X-Strata-Definition-Version": csv.definitionVersion === null ? "draft" : String(csv.definitionVersion),
      },
    });
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/segments/export");
  }
}
