import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { listRfmCellMembers, rfmCellCsv } from "@/lib/rfm-grid/rfm-grid";
import { rfmCellQuerySchema } from "@/lib/rfm-grid/rfm-grid.types";
import { segmentScopeFromSearchParamsSchema } from "@/lib/segments/segment-scope.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The users of one grid cell: the grid's scope plus `r`, `f`, `page`, `pageSize`; `format=csv` downloads all of them. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const params = new URL(request.url).searchParams;
    const scope = segmentScopeFromSearchParamsSchema.parse(params);
    const query = rfmCellQuerySchema.parse(Object.fromEntries(params));
    const { db } = await getDatabase();
    if (query.format === "csv") {
      const { fileName, csv } = await rfmCellCsv(db, name, scope, query.r, query.f);
      return new Response(csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${fileName}"`,
          "Cache-Control": "no-store",
        },
      });
    }
    return Response.json(await listRfmCellMembers(db, name, scope, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/rfm-grid/cell");
  }
}
