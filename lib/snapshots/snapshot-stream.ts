import type { Db } from "../db/db";
import { classifyError } from "../http/api-error";
import { resolveSnapshotDefinition } from "./snapshot-definition";
import { takeSnapshots } from "./take-snapshots";
import { takeSnapshotsRequestSchema, type SnapshotStreamLine, type TakeSnapshotsRequestInput } from "./snapshot.types";

/**
 * takeSnapshots as an NDJSON stream of SnapshotStreamLine, for the browser's
 * progress bar. The request and the definition are checked before the stream
 * starts, so those problems still answer a plain 4xx.
 */
export async function takeSnapshotsAsNdjson(db: Db, datasetName: string, request: TakeSnapshotsRequestInput): Promise<ReadableStream<Uint8Array>> {
  const parsed = takeSnapshotsRequestSchema.parse(request);
  await resolveSnapshotDefinition(db, datasetName, parsed.definition, parsed.version);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: SnapshotStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ type: "result", ...(await takeSnapshots(db, datasetName, parsed, send)) });
      } catch (error) {
        send({ type: "error", ...classifyError(error, "POST /api/datasets/[name]/snapshots").body });
      }
      controller.close();
    },
  });
}
