import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-body";
import { listSnapshots } from "@/lib/snapshots/list-snapshots";
import { takeSnapshotsAsNdjson } from "@/lib/snapshots/snapshot-stream";
import { listSnapshotsQuerySchema, takeSnapshotsRequestSchema } from "@/lib/snapshots/snapshot.types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stored segment snapshots of the dataset, oldest first: `?definition=NAME` for one saved definition. */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const query = listSnapshotsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { db } = await getDatabase();
    return Response.json(await listSnapshots(db, name, query));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/datasets/[name]/snapshots");
  }
}

/**
 * Takes the missing snapshots: `{ definition, version?, period?: "month"|"week", from?, to? }`.
 * Answers NDJSON: a progress line per period end, then the result (lib/snapshots/snapshot.types.ts).
 */
export async function POST(request: Request, context: { params: Promise<{ name: string }> }) {
  try {
    const name = datasetNameSchema.parse((await context.params).name);
    const body = await readJsonBody(request, takeSnapshotsRequestSchema);
    const { db } = await getDatabase();
    return new Response(await takeSnapshotsAsNdjson(db, name, body), {
      headers: {
        "Content-Type": "application/x-ndjson; charset=utf-8",
        // no-transform: compression would hold progress lines back until the end.
        "Cache-Control": "no-store, no-transform",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return apiErrorResponse(error, "POST /api/datasets/[name]/snapshots");
  }
}
