import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDatabase } from "../db/client";
import { formatPercent } from "../definitions/plain-numbers";
import { describeZodError } from "../http/api-error";
import { getStickiness } from "../stickiness/stickiness-query";
import { stickinessQuerySchema, type StickinessResult } from "../stickiness/stickiness.types";
import { renderTable } from "./text-table";

export const STICKINESS_USAGE = `  strata stickiness --dataset NAME [--days 90] [--weeks 12] [--event NAME] [--as-of YYYY-MM-DD] [--json]
      DAU, WAU (trailing 7 days), MAU (trailing 30 days), DAU/MAU per day; active days per week over full weeks`;

const count = (value: number) => value.toLocaleString("en-US");
const percent = (value: number | null) => (value === null ? "—" : formatPercent(value / 100));

function printStickiness(result: StickinessResult): void {
  const activity = result.activityEvent === null ? "any event" : `"${result.activityEvent}"`;
  console.log(`${result.dataset} · stickiness, activity ${activity}, as of ${result.asOfDay ?? "— (no events)"} (${result.timezone})`);
  const right = "right" as const;
  process.stdout.write(
    renderTable(
      [{ header: "Day", maxWidth: 10 }, { header: "DAU", maxWidth: 12, align: right }, { header: "WAU", maxWidth: 12, align: right }, { header: "MAU", maxWidth: 12, align: right }, { header: "DAU/MAU", maxWidth: 8, align: right }],
      result.daily.map((day) => [day.day, count(day.dau), count(day.wau), count(day.mau), percent(day.dauMauPercent)]),
    ),
  );
  const { weeks, weeklyActiveUserWeeks, buckets } = result.activeDaysPerWeek;
  console.log(`\nActive days per week, ${weeks.length} full week(s), ${count(weeklyActiveUserWeeks)} weekly-active user-weeks:`);
  process.stdout.write(
    renderTable(
      [{ header: "Active days", maxWidth: 11, align: right }, { header: "User-weeks", maxWidth: 12, align: right }, { header: "%", maxWidth: 7, align: right }],
      buckets.map((bucket) => [String(bucket.days), count(bucket.users), percent(bucket.percent)]),
    ),
  );
  console.log(result.definition);
}

/** `strata stickiness`: bad arguments print the reason and return 2; an unknown dataset throws NotFoundError for the caller. */
export async function runStickinessCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      days: { type: "string" },
      weeks: { type: "string" },
      event: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  let query;
  try {
    if (!values.dataset) throw new Error("stickiness needs --dataset NAME.");
    query = stickinessQuerySchema.parse({ days: values.days, weeks: values.weeks, event: values.event, asOf: values["as-of"] });
  } catch (error) {
    console.error(`strata: ${error instanceof ZodError ? describeZodError(error) : (error as Error).message}\n\n${STICKINESS_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  const result = await getStickiness(db, values.dataset, query);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printStickiness(result);
  return 0;
}
