import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { getDatabase } from "@/lib/db/client";
import { funnelDropOffCsv, getFunnelDropOff } from "@/lib/funnel/funnel-dropoff";
import { dropOffQuerySchema, parseFunnelSearchParams } from "@/lib/funnel/funnel.types";
import { apiErrorResponse } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Users who reached step `after` but not the next one: the funnel's query string plus
 * `after=K[&series=NAME][&page=1&pageSize=50]`; `&format=csv` downloads all of them.
 */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const search = new URL(request.url).searchParams;
    const query = parseFunnelSearchParams(search);
    const dropOff = dropOffQuerySchema.parse({
      after: search.get("after") ?? undefined,
      series: search.get("series") ?? undefined,
      page: search.get("page") ?? undefined,
      pageSize: search.get("pageSize") ?? undefined,
    });
    const { db } = await getDatabase();
    if (search.get("format") === "csv") {
      const { csv, fileName } = await funnelDropOffCsv(db, name, query, dropOff);
      return new Response(csv, {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` },
      });
    }
    return Response.json(await getFunnelDropOff(db, name, query, dropOff));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/funnel/dropoff");
  }
}
