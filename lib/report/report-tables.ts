/**
 * The charts of the report as tables: each chart module's numbers, from the
 * same lib entry points (and cache) as the chart pages and APIs. A chart that
 * cannot be drawn for this dataset (no conversion event, one event name)
 * becomes a table with a note saying why, never a failed report.
 */
import { formatGroupBy } from "../analytics/user-groups.types";
import { listEventNames } from "../datasets/event-names";
import { getDatasetByName } from "../datasets/get-dataset";
import type { Db } from "../db/db";
import { formatNumber } from "../definitions/plain-numbers";
import { defaultFunnelSteps } from "../funnel/default-steps";
import { getFunnel } from "../funnel/funnel";
import { funnelQuerySchema } from "../funnel/funnel.types";
import { NotFoundError } from "../http/not-found-error";
import { getRetentionCurves } from "../retention-curves/retention-curves";
import { retentionCurvesQuerySchema } from "../retention-curves/retention-curves.types";
import { getRfmGrid } from "../rfm-grid/rfm-grid";
import { SegmentsRequestError } from "../segments/segment-errors";
import { segmentScopeSchema, type SegmentScope } from "../segments/segment-scope.types";
import type { ReportTable } from "./report.types";

const percent = (value: number | null) => (value === null ? "—" : `${formatNumber(value, 1)}%`);
const CURVE_WEEKS = 8;

/** Expected reasons a chart has nothing to show become its note; anything else is a bug and propagates. */
async function orNote(id: string, title: string, build: () => Promise<ReportTable>): Promise<ReportTable> {
  try {
    return await build();
  } catch (error) {
    if (!(error instanceof SegmentsRequestError || error instanceof NotFoundError)) throw error;
    return { id, title, caption: "", columns: [], rows: [], note: error.message };
  }
}

async function retentionBySegment(db: Db, datasetName: string, scope: SegmentScope): Promise<ReportTable> {
  const ref = scope.definitionRef;
  const groupBy = ref ? formatGroupBy({ kind: "definition", name: ref.name, version: ref.version }) : "channel";
  const curves = await getRetentionCurves(db, datasetName, retentionCurvesQuerySchema.parse({ groupBy, period: "week", periods: CURVE_WEEKS }));
  const weeks = Array.from({ length: CURVE_WEEKS + 1 }, (_, n) => n);
  return {
    id: "retention-curves",
    title: `Retention by ${curves.groupLabel}`,
    caption: curves.definition,
    columns: ["Series", "Users", ...weeks.map((n) => `Week ${n}`)],
    rows: curves.series.map((series) => [series.name, formatNumber(series.size, 0), ...weeks.map((n) => percent(series.points[n]?.percent ?? null))]),
    note: curves.series.length === 0 ? "No activity before the as-of date." : null,
  };
}

async function funnelByCohort(db: Db, datasetName: string): Promise<ReportTable> {
  const dataset = await getDatasetByName(db, datasetName);
  const names = (await listEventNames(db, datasetName)).map((entry) => entry.name);
  const steps = dataset ? defaultFunnelSteps(dataset, names) : [];
  const base = { id: "funnel-cohorts", title: "Funnel drop-off per monthly cohort" };
  if (steps.length < 2) return { ...base, caption: "", columns: [], rows: [], note: "A funnel needs at least two event names in the data." };
  const funnel = await getFunnel(db, datasetName, funnelQuerySchema.parse({ steps, breakdown: "cohort:month" }));
  const labels = funnel.series[0]?.steps.map((step) => step.label) ?? [];
  return {
    ...base,
    caption: funnel.definition,
    columns: ["Cohort", ...labels.map((label, index) => (index === 0 ? `${label} (users)` : `${label} (% of first)`))],
    rows: funnel.series.map((series) => [
      series.name,
      ...series.steps.map((step, index) => (index === 0 ? formatNumber(step.users, 0) : `${percent(step.percentOfFirst)} (${formatNumber(step.users, 0)})`)),
    ]),
    note: null,
  };
}

async function rfmGrid(db: Db, datasetName: string): Promise<ReportTable> {
  const grid = await getRfmGrid(db, datasetName, segmentScopeSchema.parse({ modelId: "rfm" }));
  const cell = (r: number, f: number) => grid.cells.find((item) => item.recencyScore === r && item.frequencyScore === f)!;
  return {
    id: "rfm-grid",
    title: "RFM grid (recency score × frequency score)",
    caption: grid.definition,
    columns: ["Recency \\ Frequency", ...[1, 2, 3, 4, 5].map((f) => `F${f}`)],
    rows: [5, 4, 3, 2, 1].map((r) => [
      `R${r}`,
      ...[1, 2, 3, 4, 5].map((f) => {
        const item = cell(r, f);
        return `${formatNumber(item.users, 0)} (${percent(item.percent)}) ${item.segment}`;
      }),
    ]),
    note: grid.usersInView === 0 ? "No users in view." : null,
  };
}

export async function reportChartTables(db: Db, datasetName: string, scope: SegmentScope): Promise<ReportTable[]> {
  return [
    await orNote("retention-curves", "Retention by segment", () => retentionBySegment(db, datasetName, scope)),
    await orNote("funnel-cohorts", "Funnel drop-off per monthly cohort", () => funnelByCohort(db, datasetName)),
    await orNote("rfm-grid", "RFM grid", () => rfmGrid(db, datasetName)),
  ];
}
