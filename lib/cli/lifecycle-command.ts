import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDatabase } from "../db/client";
import { describeZodError } from "../http/api-error";
import { getLifecycle } from "../lifecycle/lifecycle-query";
import { lifecycleQuerySchema, type LifecycleResult } from "../lifecycle/lifecycle.types";
import { renderTable } from "./text-table";

export const LIFECYCLE_USAGE = `  strata lifecycle --dataset NAME [--interval day|week|month] [--periods 26] [--event NAME] [--as-of YYYY-MM-DD] [--json]
      new / returning / resurrecting / dormant users per interval (dormant negative; * = interval under way)`;

const count = (value: number) => value.toLocaleString("en-US");

function printLifecycle(result: LifecycleResult): void {
  const activity = result.activityEvent === null ? "any event" : `"${result.activityEvent}"`;
  console.log(`${result.dataset} · lifecycle per ${result.interval}, activity ${activity}, as of ${result.asOfDay ?? "— (no events)"} (${result.timezone})`);
  const columns = [
    { header: result.interval === "month" ? "Month" : result.interval === "week" ? "Week of" : "Day", maxWidth: 11 },
    { header: "Active", maxWidth: 12, align: "right" as const },
    { header: "New", maxWidth: 12, align: "right" as const },
    { header: "Returning", maxWidth: 12, align: "right" as const },
    { header: "Resurrecting", maxWidth: 12, align: "right" as const },
    { header: "Dormant", maxWidth: 12, align: "right" as const },
  ];
  const rows = result.intervals.map((row) => [
    `${row.start}${row.partial ? "*" : ""}`,
    count(row.active),
    count(row.new),
    count(row.returning),
    count(row.resurrecting),
    row.dormant === 0 ? "0" : `−${count(-row.dormant)}`,
  ]);
  process.stdout.write(renderTable(columns, rows));
  console.log(result.definition);
}

/**
 * `strata lifecycle`: bad arguments print the reason and return 2 (like every strata command);
 * an unknown dataset throws NotFoundError for the caller to report.
 */
export async function runLifecycleCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      interval: { type: "string" },
      periods: { type: "string" },
      event: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  let query;
  try {
    if (!values.dataset) throw new Error("lifecycle needs --dataset NAME.");
    query = lifecycleQuerySchema.parse({ interval: values.interval, periods: values.periods, event: values.event, asOf: values["as-of"] });
  } catch (error) {
    console.error(`strata: ${error instanceof ZodError ? describeZodError(error) : (error as Error).message}\n\n${LIFECYCLE_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  const result = await getLifecycle(db, values.dataset, query);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printLifecycle(result);
  return 0;
}
