/**
 * `strata snapshot`: takes the missing month-end (or week-end) snapshots of a
 * saved definition, for schedulers (idempotent: rerunning keeps what exists).
 *
 *   strata snapshot --dataset NAME --definition NAME [--version N] [--period month|week]
 *                   [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
 */
import { parseArgs } from "node:util";
import { getDatabase } from "../db/client";
import { describeZodError } from "../http/api-error";
import { SegmentsRequestError } from "../segments/segment-errors";
import { takeSnapshots } from "../snapshots/take-snapshots";
import { takeSnapshotsRequestSchema, type SnapshotProgress, type TakeSnapshotsRequest, type TakeSnapshotsResult } from "../snapshots/snapshot.types";
import { renderTable } from "./text-table";

export const SNAPSHOT_USAGE = `  strata snapshot --dataset NAME --definition NAME [--version N] [--period month|week]
                [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
      stores the saved definition's segments at each month (week) end; existing snapshots are kept`;

export interface SnapshotArgs {
  dataset: string;
  request: TakeSnapshotsRequest;
  json: boolean;
}

/** @throws SegmentsRequestError (exit 2) naming the bad or missing flag. */
export function parseSnapshotArgs(argv: string[]): SnapshotArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      definition: { type: "string" },
      version: { type: "string" },
      period: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.dataset) throw new SegmentsRequestError("invalid_request", "snapshot needs --dataset NAME.");
  const parsed = takeSnapshotsRequestSchema.safeParse({
    definition: values.definition ?? "",
    version: values.version,
    period: values.period,
    from: values.from,
    to: values.to,
  });
  if (!parsed.success) throw new SegmentsRequestError("invalid_request", `snapshot: ${describeZodError(parsed.error).replace(/^(\w+):/, "--$1:")}`);
  return { dataset: values.dataset, request: parsed.data, json: values.json };
}

/** "2/6 2026-02-28 taken" */
export function formatSnapshotProgress(progress: SnapshotProgress): string {
  return `${progress.done}/${progress.total} ${progress.asOfDay} ${progress.status}`;
}

export function formatSnapshotResult(result: TakeSnapshotsResult): string {
  const heading = `${result.definitionName} v${result.definitionVersion} (${result.modelId}), ${result.period} ends in ${result.timezone}: ${result.taken} taken, ${result.alreadyTaken} already taken\n`;
  if (result.snapshots.length === 0) return `${heading}No ${result.period} has ended between the dataset's first event and its as-of yet.\n`;
  const rows = result.snapshots.map((snapshot) => [snapshot.asOfDay, snapshot.users.toLocaleString("en-US"), snapshot.status]);
  return heading + renderTable([{ header: "Date", maxWidth: 10 }, { header: "Users", maxWidth: 12, align: "right" }, { header: "Status", maxWidth: 14 }], rows);
}

export async function runSnapshotCommand(argv: string[]): Promise<number> {
  const args = parseSnapshotArgs(argv);
  const { db } = await getDatabase();
  const result = await takeSnapshots(db, args.dataset, args.request, args.json ? undefined : (progress) => process.stderr.write(`\r${formatSnapshotProgress(progress)}`));
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    if (result.snapshots.length > 0) process.stderr.write("\n");
    process.stdout.write(formatSnapshotResult(result));
  }
  return 0;
}
