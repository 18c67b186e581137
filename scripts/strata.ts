// The `strata` command line: a thin shell over lib/ for scheduled jobs.
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { parseMappingArg } from "../lib/cli/mapping-arg";
import { formatProgressLine } from "../lib/cli/progress-line";
import { ingest, rejectMessage, type IngestReport } from "../lib/ingest/ingest";
import { formatSchema, IngestFileError } from "../lib/ingest/types";
import { refreshFeatures } from "../lib/features/refresh-features";
import { loadDemo } from "../lib/demo/load-demo";

const USAGE = `strata — load event logs and compute behavior features

  strata ingest FILE --dataset NAME [--format csv|ndjson|transactions|segment|amplitude|mixpanel|ga4]
                [--map user_id=COL,event_name=COL,timestamp=COL,revenue=COL,insert_id=COL]
                [--timezone Area/City] [--no-refresh] [--json]
  strata refresh --dataset NAME [--full] [--as-of YYYY-MM-DD] [--json]
  strata demo [--users N]            load the seeded demo SaaS dataset
  strata datasets [--json]

Database: DATABASE_URL (PostgreSQL) or the embedded database in STRATA_DATA_DIR (default .data/pglite).
Exit codes: 0 ok, 2 bad input (file or arguments), 1 unexpected failure.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "ingest":
      return runIngest(rest);
    case "refresh":
      return runRefresh(rest);
    case "demo":
      return runDemo(rest);
    case "datasets":
      return runDatasets(rest);
    case undefined:
    case "help":
    case "--help":
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function runIngest(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dataset: { type: "string" },
      format: { type: "string" },
      map: { type: "string" },
      timezone: { type: "string" },
      json: { type: "boolean", default: false },
      "no-refresh": { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (!file || !values.dataset) throw new UsageError("ingest needs FILE and --dataset NAME.");
  const format = values.format === undefined ? undefined : parseWith(formatSchema, values.format, "--format");
  const mapping = parseMappingArg(values.map);
  const bytesTotal = statSync(file).size;
  const { db } = await getDatabase();
  const report = await ingest(
    db,
    createReadStream(file, { highWaterMark: 1 << 20 }),
    { datasetName: values.dataset, fileName: basename(file), bytesTotal, format, mapping, timezone: values.timezone },
    values.json ? undefined : (progress) => process.stderr.write(`\r${formatProgressLine(progress)}`),
  );
  if (!values.json) process.stderr.write("\n");
  const refresh = values["no-refresh"] ? null : await refreshFeatures(db, report.datasetId);
  if (values.json) {
    console.log(JSON.stringify({ ...report, featureRefresh: refresh, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
  } else {
    printReport(report);
    if (refresh) console.log(`features: ${refresh.users.toLocaleString("en-US")} users refreshed (${refresh.mode}) in ${(refresh.durationMs / 1000).toFixed(1)} s`);
  }
  return 0;
}

function printReport(report: IngestReport): void {
  const n = (value: number) => value.toLocaleString("en-US");
  console.log(`${report.fileName} → dataset "${report.datasetName}" (${report.format}, job ${report.jobId}${report.resumed ? ", resumed" : ""})`);
  console.log(`total ${n(report.total)} = accepted ${n(report.accepted)} + rejected ${n(report.rejected)} + duplicates ${n(report.duplicates)}  in ${(report.durationMs / 1000).toFixed(1)} s`);
  for (const reject of report.rejectSample.slice(0, 10)) console.log(`  ${rejectMessage(reject)}`);
  if (report.rejected > 10) console.log(`  … ${n(report.rejected - 10)} more (all rejects: GET /api/jobs/${report.jobId}/rejects.csv)`);
}

async function runRefresh(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { dataset: { type: "string" }, full: { type: "boolean", default: false }, "as-of": { type: "string" }, json: { type: "boolean", default: false } },
  });
  if (!values.dataset) throw new UsageError("refresh needs --dataset NAME.");
  const asOf = values["as-of"] === undefined ? undefined : parseWith(z.coerce.date(), values["as-of"], "--as-of");
  const { db } = await getDatabase();
  const [dataset] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = $1`, [values.dataset]);
  if (!dataset) throw new UsageError(`No dataset named "${values.dataset}".`);
  const result = await refreshFeatures(db, dataset.id, { asOf, mode: values.full ? "full" : "auto" });
  console.log(values.json ? JSON.stringify(result, null, 2) : `${result.users.toLocaleString("en-US")} users refreshed (${result.mode}, as of ${result.asOf.toISOString()}) in ${(result.durationMs / 1000).toFixed(1)} s`);
  return 0;
}

async function runDemo(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { users: { type: "string" } } });
  const users = values.users === undefined ? undefined : parseWith(z.coerce.number().int().positive(), values.users, "--users");
  const { db } = await getDatabase();
  const result = await loadDemo(db, { users, onProgress: (progress) => process.stderr.write(`\r${formatProgressLine(progress)}`) });
  process.stderr.write("\n");
  console.log(result.skipped ? `demo dataset "${result.datasetName}" is already loaded` : `demo dataset "${result.datasetName}": ${result.accepted.toLocaleString("en-US")} events loaded`);
  return 0;
}

async function runDatasets(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: "boolean", default: false } } });
  const { db } = await getDatabase();
  const rows = await db.query<{ name: string; timezone: string; events: number; users: number }>(
    `SELECT d.name, d.timezone,
            (SELECT count(*)::int FROM events e WHERE e.dataset_id = d.id) AS events,
            (SELECT count(*)::int FROM user_features f WHERE f.dataset_id = d.id) AS users
     FROM datasets d ORDER BY d.name`,
  );
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else for (const row of rows) console.log(`${row.name}\t${row.timezone}\t${row.events.toLocaleString("en-US")} events\t${row.users.toLocaleString("en-US")} users`);
  return 0;
}

function parseWith<T>(schema: z.ZodType<T>, value: string, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${flag} "${value}": ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

let exitCode = 1;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof IngestFileError) {
    console.error(`strata: ${error.message}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    exitCode = 2;
  } else {
    console.error(`strata: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitCode = 1;
  }
} finally {
  const database = await getDatabase().catch(() => undefined);
  if (database) await closeDatabase(database);
}
process.exit(exitCode);
