// The `strata` command line: a thin shell over lib/ for scheduled jobs.
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { parseMappingArg } from "../lib/cli/mapping-arg";
import { formatProgressLine } from "../lib/cli/progress-line";
import { ingest, rejectMessage, type IngestReport } from "../lib/ingest/ingest";
import { formatSchema, IngestFileError } from "../lib/ingest/types";
import { refreshFeatures } from "../lib/features/refresh-features";
import { loadDemo } from "../lib/demo/load-demo";
import { applyOverrides, DefinitionOverrideError } from "../lib/cli/definition-override";
import { renderTable } from "../lib/cli/text-table";
import { DIMENSION_NAMES, type DimensionFilters, type DimensionName } from "../lib/definitions/dimension-filters";
import { MODELS, MODEL_IDS, builtInDefinition, isModelId, noBuiltInDefinitionMessage } from "../lib/definitions/models";
import { formatPercent } from "../lib/definitions/plain-numbers";
import { NotFoundError } from "../lib/http/not-found-error";
import { requireDatasetId } from "../lib/datasets/find-dataset-id";
import { listDatasets } from "../lib/datasets/list-datasets";
import { computeSegments } from "../lib/segments/compute-segments";
import type { ComputeSegmentsResponse } from "../lib/segments/compute-segments.types";
import { exportSegmentCsv } from "../lib/segments/segment-export";
import { getDefinitionVersion } from "../lib/segments/segment-definitions";
import { DefinitionValidationError, SegmentsRequestError } from "../lib/segments/segment-errors";
import type { SegmentScopeInput } from "../lib/segments/segment-scope.types";
import { getRetentionMatrix } from "../lib/retention/retention-matrix";
import { formatRetentionCell, periodLabel } from "../lib/retention/retention-table";
import { retentionQuerySchema } from "../lib/retention/retention.types";
import { runSnapshotCommand, SNAPSHOT_USAGE } from "../lib/cli/snapshot-command";
import { INSIGHTS_USAGE, runInsightsCommand } from "../lib/cli/insights-command";
import { AUDIT_USAGE, runAuditCommand } from "../lib/cli/audit-command";
import { FUNNEL_USAGE, runFunnelCommand } from "../lib/cli/funnel-command";
import { LIFECYCLE_USAGE, runLifecycleCommand } from "../lib/cli/lifecycle-command";
import { STICKINESS_USAGE, runStickinessCommand } from "../lib/cli/stickiness-command";
import { REPORT_USAGE, runReportCommand } from "../lib/cli/report-command";
import { SETTINGS_USAGE, runSettingsCommand } from "../lib/cli/settings-command";
import { PLAYBOOK_USAGE, runPlaybookCommand } from "../lib/cli/playbook-command";

const USAGE = `strata — load event logs and compute behavior features

  strata ingest FILE --dataset NAME [--format csv|ndjson|transactions|segment|amplitude|mixpanel|ga4]
                [--map user_id=COL,event_name=COL,timestamp=COL,revenue=COL,insert_id=COL]
                [--timezone Area/City] [--no-refresh] [--json]
  strata refresh --dataset NAME [--full] [--as-of YYYY-MM-DD] [--json]
  strata demo [--users N]            load the seeded demo SaaS dataset
  strata datasets [--json]
  strata models [--json]             segmentation models and their default definitions
  strata segments --dataset NAME [--model MODEL] [--definition NAME[@VERSION]] [--set PATH=VALUE …]
                [--filter DIMENSION=VALUE[,VALUE…] …] [--as-of YYYY-MM-DD] [--no-notes] [--json]
      table of segments: Segment | Criteria | Users | % | Behavior notes | Suggested action
  strata export --dataset NAME --segment SEGMENT [same options as segments] [--out FILE|DIR/]
      the segment's users as CSV (streamed; stdout without --out)
  strata retention --dataset NAME [--cohort day|week|month] [--period day|week|month] [--periods 12]
                [--mode n-period|unbounded] [--as-of YYYY-MM-DD] [--json]
      cohort retention matrix (% of each cohort active in period N; * = period under way)
${SNAPSHOT_USAGE}
${INSIGHTS_USAGE}
${AUDIT_USAGE}
${FUNNEL_USAGE}
${LIFECYCLE_USAGE}
${STICKINESS_USAGE}
${REPORT_USAGE}
${SETTINGS_USAGE}
${PLAYBOOK_USAGE}

  MODEL: ${MODEL_IDS.join(", ")} (default behavior-rules).
  --definition uses a saved definition (latest version without @VERSION); without it, the model's default.
    The clusters model has no default: save a clustering on the Clusters tab, then
      strata segments --dataset NAME --model clusters --definition "My clusters"   (--set clusters.0.name=Power renames)
  --set changes the definition before scoring (repeatable; the result is an unsaved draft). PATH walks
    the definition JSON with dots: field names, 0-based positions, or a list item's name; inside a rule,
    a feature name picks its condition and sets its value:
      --set "rules.Power users.sessionsPerWeek=4"    (= --set rules.4.conditions.0.value=4)
      --set percentileCutPoints=[0.25,0.5,0.7,0.9]   --set mode=threshold   --set highInactiveDays=21
    VALUE is JSON if it parses (4, true, [1,2]), else text. An invalid result exits 2 with the reasons.
  --filter channel=social,ads  (dimensions: ${DIMENSION_NAMES.join(", ")}; an empty value = no value)

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
    case "models":
      return runModels(rest);
    case "segments":
      return runSegments(rest);
    case "export":
      return runExport(rest);
    case "retention":
      return runRetention(rest);
    case "snapshot":
      return runSnapshotCommand(rest);
    case "insights":
      return runInsightsCommand(rest);
    case "audit":
      return runAuditCommand(rest);
    case "funnel":
      return runFunnelCommand(rest);
    case "lifecycle":
      return runLifecycleCommand(rest);
    case "stickiness":
      return runStickinessCommand(rest);
    case "report":
      return runReportCommand(rest);
    case "settings":
      return runSettingsCommand(rest);
    case "playbook":
      return runPlaybookCommand(rest);
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
  const datasetId = await requireDatasetId(db, values.dataset);
  const result = await refreshFeatures(db, datasetId, { asOf, mode: values.full ? "full" : "auto" });
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
  const { datasets } = await listDatasets(db);
  if (values.json) console.log(JSON.stringify(datasets, null, 2));
  else for (const row of datasets) console.log(`${row.name}\t${row.timezone}\t${row.events.toLocaleString("en-US")} events\t${row.users.toLocaleString("en-US")} users`);
  return 0;
}

async function runModels(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: "boolean", default: false } } });
  if (values.json) {
    console.log(JSON.stringify(MODEL_IDS.map((id) => ({ id, name: MODELS[id].name, description: MODELS[id].description, defaultDefinition: MODELS[id].defaultDefinition })), null, 2));
  } else {
    for (const id of MODEL_IDS) console.log(`${id.padEnd(18)}${MODELS[id].name}: ${MODELS[id].description}`);
  }
  return 0;
}

/** Options shared by `segments` and `export`: which model, definition, overrides, filters and as-of. */
const SCOPE_OPTIONS = {
  dataset: { type: "string" },
  model: { type: "string" },
  definition: { type: "string" },
  set: { type: "string", multiple: true },
  filter: { type: "string", multiple: true },
  "as-of": { type: "string" },
} as const;

interface ScopeArgs {
  dataset?: string;
  model?: string;
  definition?: string;
  set?: string[];
  filter?: string[];
  "as-of"?: string;
}

function parseFilters(filters: readonly string[]): DimensionFilters {
  const result: DimensionFilters = {};
  for (const filter of filters) {
    const equals = filter.indexOf("=");
    const dimension = filter.slice(0, equals).trim();
    if (equals <= 0 || !(DIMENSION_NAMES as readonly string[]).includes(dimension)) {
      throw new UsageError(`--filter "${filter}": expected DIMENSION=VALUE with a dimension of ${DIMENSION_NAMES.join(", ")}.`);
    }
    const values = filter.slice(equals + 1).split(",").map((value) => value.trim());
    const list = (result[dimension as DimensionName] ??= []);
    for (const value of values) list.push(value === "" ? null : value);
  }
  return result;
}

/** "Default@3" → { name: "Default", version: 3 }. */
function parseDefinitionRef(text: string): { name: string; version?: number } {
  const at = text.lastIndexOf("@");
  if (at <= 0) return { name: text };
  const version = parseWith(z.coerce.number().int().min(1), text.slice(at + 1), "--definition version");
  return { name: text.slice(0, at), version };
}

async function scopeFromArgs(values: ScopeArgs): Promise<{ datasetName: string; scope: SegmentScopeInput }> {
  if (!values.dataset) throw new UsageError("needs --dataset NAME.");
  const modelId = values.model ?? "behavior-rules";
  if (!isModelId(modelId)) throw new UsageError(`--model "${modelId}": expected one of ${MODEL_IDS.join(", ")}.`);
  const scope: SegmentScopeInput = { modelId, filters: parseFilters(values.filter ?? []) };
  if (values["as-of"]) scope.asOf = values["as-of"];
  const ref = values.definition ? parseDefinitionRef(values.definition) : undefined;
  const overrides = values.set ?? [];
  if (overrides.length === 0) {
    if (ref) scope.definitionRef = ref;
    return { datasetName: values.dataset, scope };
  }
  // Overrides turn the starting definition (saved or default) into an unsaved draft.
  const { db } = await getDatabase();
  const base = ref ? (await getDefinitionVersion(db, values.dataset, modelId, ref)).definition : builtInDefinition(modelId);
  if (base === null) throw new UsageError(noBuiltInDefinitionMessage(modelId));
  scope.definition = applyOverrides(base, overrides);
  return { datasetName: values.dataset, scope };
}

function describeVersion(result: Pick<ComputeSegmentsResponse, "definitionName" | "definitionVersion">): string {
  return result.definitionVersion === null ? "unsaved definition (draft)" : `definition "${result.definitionName}" v${result.definitionVersion}`;
}

function describeFilters(filters: DimensionFilters): string {
  return DIMENSION_NAMES.filter((name) => filters[name])
    .map((name) => `${name} = ${filters[name]!.map((value) => value ?? "(none)").join(" or ")}`)
    .join(", ");
}

async function runSegments(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...SCOPE_OPTIONS, json: { type: "boolean", default: false }, "no-notes": { type: "boolean", default: false } },
  });
  const { datasetName, scope } = await scopeFromArgs(values);
  const { db } = await getDatabase();
  const result = await computeSegments(db, datasetName, { ...scope, notes: !values["no-notes"] });
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const n = (value: number) => value.toLocaleString("en-US");
  const filters = describeFilters(result.filters);
  console.log(`${result.datasetName} · ${MODELS[result.modelId as keyof typeof MODELS].name} · ${describeVersion(result)}`);
  console.log(`as of ${result.asOfDay} (${result.timezone}) · features computed ${result.featuresRefreshedAt}${result.stale ? " · STALE: events arrived since" : ""}`);
  console.log(filters ? `${n(result.filteredUsers)} of ${n(result.totalUsers)} users (${filters})` : `${n(result.totalUsers)} users`);
  console.log();
  const width = process.stdout.columns && process.stdout.columns > 80 ? process.stdout.columns : 160;
  const flexible = Math.max(60, width - 22 - 8 - 6 - 5 * 2);
  const notes = !values["no-notes"];
  const columns = [
    { header: "Segment", maxWidth: 22 },
    { header: "Criteria", maxWidth: Math.floor(flexible * (notes ? 0.34 : 0.6)) },
    { header: "Users", maxWidth: 9, align: "right" as const },
    { header: "%", maxWidth: 6, align: "right" as const },
    ...(notes ? [{ header: "Behavior notes", maxWidth: Math.floor(flexible * 0.4) }] : []),
    { header: "Suggested action", maxWidth: Math.floor(flexible * (notes ? 0.26 : 0.4)) },
  ];
  const rows = result.segments.map((segment) => [
    segment.name,
    segment.criteria,
    n(segment.users),
    formatPercent(segment.percent / 100),
    ...(notes ? [segment.behaviorNotes.join("; ")] : []),
    segment.suggestedAction ?? "",
  ]);
  process.stdout.write(renderTable(columns, rows));
  for (const warning of result.warnings) console.log(`! ${warning}`);
  return 0;
}

async function runExport(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...SCOPE_OPTIONS, segment: { type: "string" }, out: { type: "string" } } });
  if (!values.segment) throw new UsageError("export needs --segment NAME.");
  const { datasetName, scope } = await scopeFromArgs(values);
  const { db } = await getDatabase();
  const csv = await exportSegmentCsv(db, datasetName, { ...scope, segment: values.segment });
  const out = values.out === undefined || values.out === "-" ? null : values.out.endsWith("/") ? join(values.out, csv.fileName) : values.out;
  try {
    await pipeline(Readable.from(csv.chunks), out === null ? process.stdout : createWriteStream(out));
  } catch (error) {
    // `strata export … | head`: the reader left early; that is not a failure.
    if ((error as NodeJS.ErrnoException).code === "EPIPE") return 0;
    throw error;
  }
  const version = csv.definitionVersion === null ? "draft definition" : `definition v${csv.definitionVersion}`;
  process.stderr.write(`${csv.rows.toLocaleString("en-US")} users of "${csv.segment}" (${version}) → ${out ?? "stdout"}${out === null ? ` (suggested file name ${csv.fileName})` : ""}\n`);
  return 0;
}

async function runRetention(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      cohort: { type: "string" },
      period: { type: "string" },
      periods: { type: "string" },
      mode: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.dataset) throw new UsageError("retention needs --dataset NAME.");
  const parsed = retentionQuerySchema.safeParse({ cohort: values.cohort, period: values.period, periods: values.periods, mode: values.mode, asOf: values["as-of"] });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; "));
  const { db } = await getDatabase();
  const matrix = await getRetentionMatrix(db, values.dataset, parsed.data);
  if (values.json) {
    console.log(JSON.stringify(matrix, null, 2));
    return 0;
  }
  const periods = Array.from({ length: matrix.periods + 1 }, (_, n) => n);
  const columns = [
    { header: "Cohort", maxWidth: 10 },
    { header: "Users", maxWidth: 12, align: "right" as const },
    ...periods.map((n) => ({ header: periodLabel(matrix, n), maxWidth: 9, align: "right" as const })),
  ];
  const rows = matrix.cohorts.map((cohort) => [cohort.start, cohort.size.toLocaleString("en-US"), ...cohort.cells.map(formatRetentionCell)]);
  console.log(`${matrix.mode} retention, ${matrix.cohort} cohorts × ${matrix.period} periods, as of ${matrix.asOfDay ?? "— (no events)"} (${matrix.timezone})`);
  process.stdout.write(renderTable(columns, rows));
  console.log(matrix.definition);
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
  if (error instanceof DefinitionValidationError) {
    console.error(`strata: the definition is not valid:\n${error.errors.map((message) => `  - ${message}`).join("\n")}`);
    exitCode = 2;
  } else if (error instanceof SegmentsRequestError || error instanceof NotFoundError || error instanceof DefinitionOverrideError) {
    console.error(`strata: ${error.message}`);
    exitCode = 2;
  } else if (error instanceof UsageError || error instanceof IngestFileError) {
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
