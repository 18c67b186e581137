import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDatabase } from "../db/client";
import { getFunnel } from "../funnel/funnel";
import { formatDuration } from "../funnel/format-duration";
import { funnelQuerySchema, parseStepText, windowTextSchema, type FunnelResult } from "../funnel/funnel.types";
import { describeZodError } from "../http/api-error";
import { renderTable } from "./text-table";

export const FUNNEL_USAGE = `  strata funnel --dataset NAME --steps a,b,c [--step 'event[property=value]' …] [--window 7d|12h|30m]
                [--order any|strict] [--breakdown none|cohort:week|cohort:month|channel|plan|country|segment:NAME[@V]] [--json]
      ordered funnel: users at each step, % of step 1 and of the previous step, drop-off, median time between steps`;

const percent = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)}%`);
const count = (value: number | null) => (value === null ? "—" : value.toLocaleString("en-US"));

function printFunnel(funnel: FunnelResult): void {
  console.log(`${funnel.dataset} · funnel, ${funnel.order} order, window ${funnel.window.amount} ${funnel.window.unit}${funnel.breakdownLabel ? ` · by ${funnel.breakdownLabel}` : ""}`);
  const columns = [
    { header: "Series", maxWidth: 24 },
    { header: "Step", maxWidth: 32 },
    { header: "Users", maxWidth: 12, align: "right" as const },
    { header: "% of first", maxWidth: 10, align: "right" as const },
    { header: "% of prev", maxWidth: 10, align: "right" as const },
    { header: "Dropped", maxWidth: 10, align: "right" as const },
    { header: "Median time", maxWidth: 11, align: "right" as const },
  ];
  const rows = funnel.series.flatMap((series) =>
    series.steps.map((step) => [
      step.step === 1 ? series.name : "",
      `${step.step}. ${step.label}`,
      count(step.users),
      percent(step.percentOfFirst),
      percent(step.percentOfPrevious),
      count(step.dropOffFromPrevious),
      step.step === 1 ? "" : formatDuration(step.medianSecondsFromPrevious),
    ]),
  );
  process.stdout.write(renderTable(columns, rows));
  console.log(funnel.definition);
}

/**
 * `strata funnel`: bad arguments print the reason and return 2 (like every strata command);
 * an unknown dataset or definition throws NotFoundError for the caller to report.
 */
export async function runFunnelCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      steps: { type: "string" },
      step: { type: "string", multiple: true },
      window: { type: "string" },
      order: { type: "string" },
      breakdown: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  let query;
  try {
    if (!values.dataset) throw new Error("funnel needs --dataset NAME.");
    const texts = [...(values.steps ? values.steps.split(",") : []), ...(values.step ?? [])].filter((text) => text.trim() !== "");
    query = funnelQuerySchema.parse({
      steps: texts.map(parseStepText),
      window: values.window === undefined ? undefined : windowTextSchema.parse(values.window),
      order: values.order,
      breakdown: values.breakdown,
    });
  } catch (error) {
    console.error(`strata: ${error instanceof ZodError ? describeZodError(error) : (error as Error).message}\n\n${FUNNEL_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  const funnel = await getFunnel(db, values.dataset, query);
  if (values.json) console.log(JSON.stringify(funnel, null, 2));
  else printFunnel(funnel);
  return 0;
}
