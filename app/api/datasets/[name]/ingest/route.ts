import { getDatabase } from "@/lib/db/client";
import { newDatasetNameSchema } from "@/lib/datasets/dataset-name";
import { ingestAsNdjson, ingestUploadQuerySchema } from "@/lib/datasets/ingest-upload";
import { refreshFeatures } from "@/lib/features/refresh-features";
import { apiErrorResponse } from "@/lib/http/api-error";
import { discardRest, readChunks } from "@/lib/http/stream-chunks";
import { ingest } from "@/lib/ingest/ingest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** After refusing a file, take up to this much more of it so the browser gets to read the answer. */
const MAX_DISCARD_BYTES = 256 * 1024 * 1024;

/**
 * Loads the request body (the raw file, streamed) into the dataset, creating it
 * if needed, then refreshes its features. Answers with NDJSON as it goes; see
 * lib/datasets/ingest-upload.types.ts. File-level problems answer 400 before any line.
 */
export async function POST(request: Request, context: { params: Promise<{ name: string }> }) {
  const body = readChunks(request.body);
  try {
    const datasetName = newDatasetNameSchema.parse((await context.params).name);
    const query = ingestUploadQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const contentLength = Number(request.headers.get("content-length"));
    const { db } = await getDatabase();
    const stream = await ingestAsNdjson(
      db,
      body,
      {
        datasetName,
        fileName: query.fileName,
        bytesTotal: Number.isSafeInteger(contentLength) && contentLength > 0 ? contentLength : undefined,
        format: query.format,
        mapping: query.map,
        timezone: query.timezone,
      },
      { run: ingest, afterIngest: (report) => refreshFeatures(db, report.datasetId) },
    );
    return new Response(stream, {
      headers: {
        "Content-Type": "application/x-ndjson; charset=utf-8",
        // no-transform: compression would hold progress lines back until the end.
        "Cache-Control": "no-store, no-transform",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    await discardRest(body, request.body, MAX_DISCARD_BYTES);
    return apiErrorResponse(error, "POST /api/datasets/[name]/ingest");
  }
}
