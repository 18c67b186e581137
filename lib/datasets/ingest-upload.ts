import { z } from "zod";
import { parseMappingArg } from "../cli/mapping-arg";
import type { Db } from "../db/db";
import { classifyError } from "../http/api-error";
import type { IngestProgress, IngestReport, IngestRequest, ingest } from "../ingest/ingest";
import { formatSchema } from "../ingest/types";
import type { FeatureRefreshSummary, IngestStreamLine } from "./ingest-upload.types";

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Query string of `POST /api/datasets/[name]/ingest` (the body is the raw file):
 * `?fileName=events.csv&format=csv&map=user_id:CustomerID,timestamp:Date&timezone=Europe/Berlin`.
 * `format` absent or `auto` = detect from the file; `map` uses the CLI's `--map` syntax.
 */
export const ingestUploadQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).default("upload"),
  format: z
    .union([formatSchema, z.literal("auto"), z.literal("")])
    .optional()
    .transform((format) => (format === "auto" || format === "" ? undefined : format)),
  map: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parseMappingArg(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message.replace(/^--map:?\s*/, "") });
        return z.NEVER;
      }
    }),
  timezone: z
    .string()
    .trim()
    .optional()
    .transform((zone) => zone || undefined)
    .refine((zone) => zone === undefined || isTimeZone(zone), "Unknown time zone (use an IANA name such as Europe/Berlin)"),
});
export type IngestUploadQuery = z.infer<typeof ingestUploadQuerySchema>;

export interface IngestStreamOptions {
  /** The loader; a stand-in in tests. */
  run: typeof ingest;
  /** Runs after a successful load (the feature refresh), announced by a `refreshing` line. */
  afterIngest?: (report: IngestReport) => Promise<FeatureRefreshSummary>;
  /** At most one progress line per this many milliseconds (the last one is never dropped). */
  throttleMs?: number;
}

type Outcome = { ok: true; report: IngestReport } | { ok: false; error: unknown };

/**
 * Runs an ingest and reports it as NDJSON while it goes. Waits until the loader
 * has made progress (or finished) before handing back the stream, so a problem
 * with the file as a whole — empty, binary, unknown format — is thrown here,
 * before any byte is sent, and can still become a 400. Later failures arrive
 * as an `error` line. A failed feature refresh does not undo the load: the
 * report says so in `featureRefreshError`.
 */
export async function ingestAsNdjson(
  db: Db,
  source: AsyncIterable<Uint8Array>,
  request: IngestRequest,
  { run, afterIngest, throttleMs = 200 }: IngestStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const early: Uint8Array[] = [];
  let sink: ReadableStreamDefaultController<Uint8Array> | null = null;
  let cancelled = false;
  const send = (line: IngestStreamLine) => {
    const bytes = encoder.encode(`${JSON.stringify(line)}\n`);
    if (cancelled) return;
    if (sink) sink.enqueue(bytes);
    else early.push(bytes);
  };

  let lastSentAt = Number.NEGATIVE_INFINITY;
  let held: IngestProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushHeld = () => {
    timer = undefined;
    if (!held) return;
    lastSentAt = Date.now();
    send({ type: "progress", ...held });
    held = null;
  };
  let markProgressed!: () => void;
  const progressed = new Promise<null>((resolve) => {
    markProgressed = () => resolve(null);
  });
  const onProgress = (progress: IngestProgress) => {
    markProgressed();
    held = progress;
    const wait = lastSentAt + throttleMs - Date.now();
    if (wait <= 0) flushHeld();
    else timer ??= setTimeout(flushHeld, wait);
  };

  const outcome: Promise<Outcome> = run(db, source, request, onProgress).then(
    (report) => ({ ok: true, report }),
    (error: unknown) => ({ ok: false, error }),
  );
  const first = await Promise.race([progressed, outcome]);
  if (first && !first.ok) throw first.error;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      sink = controller;
      for (const bytes of early.splice(0)) controller.enqueue(bytes);
      void outcome.then(async (result) => {
        clearTimeout(timer);
        held = null;
        if (result.ok) {
          send({ type: "report", ...result.report, ...(await refreshAfter(result.report)) });
        } else {
          const { body } = classifyError(result.error, `ingest of ${request.fileName} into ${request.datasetName}`);
          send({ type: "error", ...body.error });
        }
        if (!cancelled) controller.close();
      });
    },
    cancel() {
      // The client went away; the load itself carries on and is recorded as a job.
      cancelled = true;
    },
  });

  async function refreshAfter(report: IngestReport): Promise<Pick<IngestReportLineFields, "featureRefresh" | "featureRefreshError">> {
    if (!afterIngest || report.status !== "succeeded") return { featureRefresh: null };
    send({ type: "refreshing", datasetId: report.datasetId });
    try {
      const { users, mode, durationMs } = await afterIngest(report);
      return { featureRefresh: { users, mode, durationMs } };
    } catch (error) {
      const { body } = classifyError(error, `feature refresh of ${report.datasetName} after job ${report.jobId}`);
      return { featureRefresh: null, featureRefreshError: body.error.message };
    }
  }
}

type IngestReportLineFields = Extract<IngestStreamLine, { type: "report" }>;
