import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDatabase } from "../db/client";
import { formatNumber, formatPercent } from "../definitions/plain-numbers";
import { describeZodError } from "../http/api-error";
import { getInsights } from "../insights/insights";
import { insightsQuerySchema, type BehaviorInsight, type Insights } from "../insights/insights.types";
import { renderTable } from "./text-table";

export const INSIGHTS_USAGE = `  strata insights --dataset NAME [--outcome retained|converted|churned] [--days 7] [--window 28] [--top 20] [--json]
      early behaviors that go with the outcome (rates with/without, difference with 95% CI, coverage) and aha thresholds`;

const rate = (value: number | null) => (value === null ? "—" : formatPercent(value));

function behaviorRows(insights: readonly BehaviorInsight[]): string[][] {
  return insights.slice(0, 10).map((insight) => [
    insight.label + (insight.smallSample ? " (small sample)" : ""),
    `${rate(insight.rateWith)} vs ${rate(insight.rateWithout)}`,
    `${formatNumber(insight.usersWith, 0)} / ${formatNumber(insight.usersWithout, 0)}`,
    insight.difference === null ? "—" : `${formatNumber(insight.difference * 100, 1)} pp [${formatNumber(insight.differenceLower! * 100, 1)}, ${formatNumber(insight.differenceUpper! * 100, 1)}]`,
    insight.lift === null ? "—" : `${formatNumber(insight.lift, 2)}×`,
    formatPercent(insight.coverage),
  ]);
}

function printInsights(result: Insights): void {
  console.log(
    `${result.dataset} · ${result.outcome} (window ${result.outcomeWindowDays} days), behaviors in the first ${result.days} days, as of ${result.asOfDay ?? "— (no features: run strata refresh)"}`,
  );
  console.log(`${formatNumber(result.eligibleUsers, 0)} users compared (${formatNumber(result.tooRecentUsers, 0)} too recent), base rate ${rate(result.baseRate)}`);
  const columns = [
    { header: "Behavior", maxWidth: 48 },
    { header: "Rate with vs without", maxWidth: 22 },
    { header: "n with / without", maxWidth: 18, align: "right" as const },
    { header: "Difference [95% CI]", maxWidth: 26, align: "right" as const },
    { header: "Lift", maxWidth: 7, align: "right" as const },
    { header: "Coverage", maxWidth: 9, align: "right" as const },
  ];
  for (const [title, list] of [["Goes with a higher rate", result.raises], ["Goes with a lower rate", result.lowers]] as const) {
    console.log(`\n${title}:`);
    process.stdout.write(renderTable(columns, behaviorRows(list)));
  }
  console.log("\nAha thresholds:");
  for (const threshold of result.thresholds) if (threshold.sentence) console.log(`  ${threshold.sentence}`);
  console.log(`\n${result.definition}`);
}

/** `strata insights`: bad arguments print the reason and return 2; an unknown dataset throws NotFoundError for the caller. */
export async function runInsightsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      outcome: { type: "string" },
      days: { type: "string" },
      window: { type: "string" },
      top: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  let query;
  try {
    if (!values.dataset) throw new Error("insights needs --dataset NAME.");
    query = insightsQuerySchema.parse({ outcome: values.outcome, days: values.days, window: values.window, top: values.top });
  } catch (error) {
    console.error(`strata: ${error instanceof ZodError ? describeZodError(error) : (error as Error).message}\n\n${INSIGHTS_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  const result = await getInsights(db, values.dataset, query);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printInsights(result);
  return 0;
}
