import { createHash } from "node:crypto";
import type { Db } from "../db/db";
import { copyRow } from "../db/copy-text";
import { peekHead } from "./byte-source";
import { dedupeKey } from "./dedupe-key";
import { OccurrenceCounter } from "./occurrence-counter";
import { detectFormat, HEAD_BYTES, parseFile } from "./parse-file";
import {
  createStaging,
  dropStaging,
  emptyStaging,
  ensureDataset,
  findResumableJob,
  finishJob,
  moveStagedEvents,
  readJobCounts,
  readRejectSample,
  recordBatch,
  reopenJob,
  REJECT_COLUMNS,
  STAGING_COLUMNS,
  stagingTable,
  startJob,
} from "./ingest-sql";
import { IngestFileError, type ColumnMapping, type FormatName, type ParsedEvent, type ParsedRow } from "./types";

export interface IngestRequest {
  datasetName: string;
  fileName: string;
  bytesTotal?: number;
  format?: FormatName;
  mapping?: ColumnMapping;
  /** Timezone of a dataset created by this load (existing datasets keep theirs). */
  timezone?: string;
  /** Rows per database transaction. */
  batchSize?: number;
}

export interface IngestProgress {
  jobId: number;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

export interface RejectSample {
  line: number;
  field: string;
  value: string;
  reason: string;
}

export interface IngestReport {
  jobId: number;
  datasetId: number;
  datasetName: string;
  fileName: string;
  format: FormatName;
  status: "succeeded" | "failed";
  /** Rows read from the file: always accepted + rejected + duplicates. */
  total: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** True when this load continued an interrupted job for the same file. */
  resumed: boolean;
  rejectSample: RejectSample[];
  bytesRead: number;
  durationMs: number;
  error?: string;
}

const DEFAULT_BATCH = 50_000;

/** "line 812: timestamp '2011-13-01' is not a date" */
export function rejectMessage(reject: RejectSample): string {
  return `line ${reject.line}: ${reject.reason}`;
}

/**
 * Loads one file into a dataset: parse → COPY a batch into an unindexed staging
 * table → move it into events with dedupe → count, each batch one transaction
 * that also advances the job's committed line. A crash loses at most the open
 * batch, and running the same file again resumes after the last committed line
 * with the counts intact.
 */
export async function ingest(
  db: Db,
  source: AsyncIterable<Uint8Array>,
  request: IngestRequest,
  onProgress?: (progress: IngestProgress) => void,
): Promise<IngestReport> {
  const started = Date.now();
  const { head, rest } = await peekHead(source, HEAD_BYTES);
  const detected = detectFormat(head, { complete: head.length < HEAD_BYTES });
  const format = request.format ?? detected.format;
  const mapping = request.mapping ?? (format === detected.format ? detected.mapping : undefined);
  const bytesTotal = request.bytesTotal ?? 0;
  const dataset = await ensureDataset(db, request.datasetName, request.timezone ?? "UTC", format === "transactions" ? "transactions" : "events");
  const fingerprint = createHash("sha256").update(`${bytesTotal}:${format}:${JSON.stringify(mapping ?? {})}:`).update(head).digest("hex");

  const previous = await findResumableJob(db, dataset.id, fingerprint);
  const jobId = previous?.id ?? (await startJob(db, { datasetId: dataset.id, fileName: request.fileName, fingerprint, format, mapping: mapping ?? {}, bytesTotal }));
  if (previous) await reopenJob(db, previous.id);
  const skipThrough = previous?.lines_committed ?? 0;

  const progress: IngestProgress = {
    jobId,
    bytesRead: 0,
    bytesTotal,
    rows: previous?.total_rows ?? 0,
    accepted: previous?.accepted ?? 0,
    rejected: previous?.rejected ?? 0,
    duplicates: previous?.duplicates ?? 0,
  };

  try {
    await createStaging(db, jobId);
    const counter = new OccurrenceCounter();
    const batchSize = request.batchSize ?? DEFAULT_BATCH;
    let batch = new BatchBuilder(jobId);
    let inFlight: Promise<void> = Promise.resolve();

    const flush = async (full: BatchBuilder) => {
      // One batch in the database while the next one is parsed.
      await inFlight;
      inFlight = commitBatch(db, dataset.id, jobId, full, progress).then(() => onProgress?.({ ...progress }));
      // Marked handled now; the failure still surfaces at the next `await inFlight`.
      inFlight.catch(() => undefined);
    };

    const rows = parseFile(rest, { format, mapping, timezone: dataset.timezone }, (p) => {
      progress.bytesRead = p.bytesRead;
    });
    for await (const chunk of rows) {
      for (const row of chunk) {
        // Identity of an identical row depends on how many came before it, so
        // rows already committed by an interrupted run are still counted here.
        const key = row.kind === "event" ? dedupeKey(row, counter) : "";
        if (row.line <= skipThrough) continue;
        batch.add(row, key);
        if (batch.size >= batchSize) {
          batch.bytesRead = progress.bytesRead;
          await flush(batch);
          batch = new BatchBuilder(jobId);
        }
      }
    }
    batch.bytesRead = progress.bytesRead;
    if (batch.size > 0) await flush(batch);
    await inFlight;
    await finishJob(db, jobId, "succeeded", null);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishJob(db, jobId, "failed", message).catch(() => undefined);
    throw error;
  } finally {
    await dropStaging(db, jobId).catch(() => undefined);
  }

  const counts = await readJobCounts(db, jobId);
  return {
    jobId,
    datasetId: dataset.id,
    datasetName: dataset.name,
    fileName: request.fileName,
    format,
    status: "succeeded",
    total: counts.total_rows,
    accepted: counts.accepted,
    rejected: counts.rejected,
    duplicates: counts.duplicates,
    resumed: previous !== undefined,
    rejectSample: await readRejectSample(db, jobId, 20),
    bytesRead: progress.bytesRead,
    durationMs: Date.now() - started,
  };
}

/** One transaction's worth of rows, already encoded as COPY text. */
class BatchBuilder {
  events = "";
  eventCount = 0;
  rejects = "";
  rejectCount = 0;
  lastLine = 0;
  bytesRead = 0;

  constructor(private readonly jobId: number) {}

  get size(): number {
    return this.eventCount + this.rejectCount;
  }

  add(row: ParsedRow, key: string): void {
    this.lastLine = Math.max(this.lastLine, row.line);
    if (row.kind === "reject") {
      this.rejects += copyRow([this.jobId, row.line, row.field, row.value, row.reason]);
      this.rejectCount++;
      return;
    }
    this.events += copyRow([key, row.userId, row.eventName, row.ts, row.revenue, JSON.stringify(propertiesWithTraits(row))]);
    this.eventCount++;
  }
}

function propertiesWithTraits(event: ParsedEvent): Record<string, unknown> {
  if (!event.traits) return event.properties;
  // Traits (identify calls, user_properties) ride along on the event so the
  // feature refresh can take profile dimensions from one place.
  return { ...event.traits, ...event.properties };
}

async function commitBatch(db: Db, datasetId: number, jobId: number, batch: BatchBuilder, progress: IngestProgress): Promise<void> {
  const result = await db.transaction(async (tx) => {
    let inserted = 0;
    if (batch.eventCount > 0) {
      await tx.copyText(stagingTable(jobId), STAGING_COLUMNS, batch.events);
      inserted = await moveStagedEvents(tx, datasetId, jobId);
      await emptyStaging(tx, jobId);
    }
    if (batch.rejectCount > 0) await tx.copyText("ingest_rejects", REJECT_COLUMNS, batch.rejects);
    const counts = {
      linesCommitted: batch.lastLine,
      bytesRead: batch.bytesRead,
      rows: batch.size,
      accepted: inserted,
      rejected: batch.rejectCount,
      duplicates: batch.eventCount - inserted,
    };
    await recordBatch(tx, jobId, counts);
    return counts;
  });
  progress.rows += result.rows;
  progress.accepted += result.accepted;
  progress.rejected += result.rejected;
  progress.duplicates += result.duplicates;
}

export { IngestFileError };
