import { cachedAnalysis } from "../analytics/result-cache";
import { everyoneElseIndex, loadUserGroupsTable, resolveUserGroups } from "../analytics/user-groups";
import { EVERYONE_ELSE, groupBySchema } from "../analytics/user-groups.types";
import type { Db } from "../db/db";
import { assertTimeZone } from "../features/as-of";
import { NotFoundError } from "../http/not-found-error";
import { describeFunnel } from "./funnel-definition";
import { FunnelMatcher, FunnelTally, funnelStepResults, UserStepEvents } from "./funnel-math";
import { buildFunnelSql, readStepEvents, type FunnelSeriesSource } from "./funnel-sql";
import { EVERYONE_SERIES, formatStepText, funnelResultSchema, windowMs, type FunnelQuery, type FunnelResult } from "./funnel.types";

/** Every user who did step 1, with the furthest step of their counted attempt (for drop-off lists). */
export interface FunnelUsers {
  userIds: string[];
  /** Furthest step, 1..steps. */
  reached: Int8Array;
  /** The breakdown's series (all of them, even an empty "Everyone else"); [] without a breakdown. */
  seriesNames: string[];
  /** Index of each user's series in seriesNames; −1 without a breakdown. */
  series: Int32Array;
  /** Epoch ms of step 1 and of the furthest step of the counted attempt. */
  startedAt: Float64Array;
  lastStepAt: Float64Array;
}

export interface FunnelComputation {
  result: FunnelResult;
  users: FunnelUsers;
}

interface DatasetRow {
  id: number;
  timezone: string;
}

async function readDataset(db: Db, name: string): Promise<DatasetRow> {
  const [row] = await db.query<DatasetRow>(`SELECT id, timezone FROM datasets WHERE name = $1`, [name]);
  if (!row) throw new NotFoundError(`There is no dataset named "${name}".`);
  assertTimeZone(row.timezone);
  return row;
}

interface SeriesPlan {
  source: FunnelSeriesSource;
  label: string | null;
  /** Fixed series names (groups); cohorts are named by the rows. */
  names: string[];
  definitionVersion: number | null;
  groupsAsOfDay: string | null;
  load?: Parameters<typeof loadUserGroupsTable>[1];
}

async function planSeries(db: Db, datasetName: string, breakdown: string, timezone: string): Promise<SeriesPlan> {
  const none = { names: [], definitionVersion: null, groupsAsOfDay: null };
  if (breakdown === "none") return { ...none, source: { kind: "none" }, label: null };
  if (breakdown === "cohort:week" || breakdown === "cohort:month") {
    const unit = breakdown === "cohort:week" ? "week" : "month";
    return { ...none, source: { kind: "cohort", unit }, label: `first-seen ${unit} (${timezone})` };
  }
  const groups = await resolveUserGroups(db, datasetName, groupBySchema.parse(breakdown));
  return {
    source: { kind: "groups", everyoneElseIndex: everyoneElseIndex(groups) },
    label: groups.label,
    names: groups.groups,
    definitionVersion: groups.definitionVersion,
    groupsAsOfDay: groups.asOfDay,
    load: groups,
  };
}

async function computeFunnel(db: Db, datasetName: string, dataset: DatasetRow, query: FunnelQuery): Promise<FunnelComputation> {
  const plan = await planSeries(db, datasetName, query.breakdown, dataset.timezone);
  const sql = buildFunnelSql(dataset.id, query.steps, query.order, plan.source);
  const rows = await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('TimeZone', $1, true)`, [dataset.timezone]);
    // One scan and one sort of ~1M step events: JIT compilation costs more than it saves here,
    // and the per-user sort fits in memory with a larger work_mem (this transaction only).
    await tx.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '128MB', true)`);
    if (plan.load) await loadUserGroupsTable(tx, plan.load);
    return tx.query<{ user_id: string; steps: string; series: string }>(sql.text, sql.params);
  });

  // Series keys: group indexes as given; cohorts sorted by their first day.
  const seriesNames = plan.source.kind === "cohort" ? [...new Set(rows.map((row) => row.series))].sort() : plan.names;
  const seriesIndex = new Map(seriesNames.map((name, index) => [plan.source.kind === "cohort" ? name : String(index), index]));
  const stepCount = query.steps.length;
  const matcher = new FunnelMatcher(stepCount, windowMs(query.window), query.order);
  const tally = new FunnelTally(stepCount, seriesNames.length + 1);
  const events = new UserStepEvents();
  const stepTimes = new Float64Array(stepCount);
  const users: FunnelUsers = {
    userIds: new Array<string>(rows.length),
    reached: new Int8Array(rows.length),
    seriesNames,
    series: new Int32Array(rows.length),
    startedAt: new Float64Array(rows.length),
    lastStepAt: new Float64Array(rows.length),
  };
  rows.forEach((row, index) => {
    readStepEvents(row.steps, events);
    const reached = matcher.match(events, stepTimes);
    const series = plan.source.kind === "none" ? -1 : seriesIndex.get(row.series)!;
    tally.add(0, reached, stepTimes);
    if (series >= 0) tally.add(series + 1, reached, stepTimes);
    users.userIds[index] = row.user_id;
    users.reached[index] = reached;
    users.series[index] = series;
    users.startedAt[index] = stepTimes[0]!;
    users.lastStepAt[index] = stepTimes[reached - 1]!;
  });

  const labels = query.steps.map(formatStepText);
  const series = [
    { name: EVERYONE_SERIES, steps: funnelStepResults(tally.counts(0), labels) },
    ...seriesNames.map((name, index) => ({ name, steps: funnelStepResults(tally.counts(index + 1), labels) })),
  ].filter((entry) => entry.name !== EVERYONE_ELSE || entry.steps[0]!.users > 0); // an empty "Everyone else" is noise
  const result = funnelResultSchema.parse({
    dataset: datasetName,
    timezone: dataset.timezone,
    steps: query.steps,
    window: query.window,
    order: query.order,
    breakdown: query.breakdown,
    breakdownLabel: plan.label,
    definitionVersion: plan.definitionVersion,
    groupsAsOfDay: plan.groupsAsOfDay,
    definition: describeFunnel(query, dataset.timezone),
    series,
  });
  return { result, users };
}

/** The funnel with its per-user outcome, cached per dataset and question until the data changes. */
export async function computeFunnelCached(db: Db, datasetName: string, query: FunnelQuery): Promise<FunnelComputation> {
  const dataset = await readDataset(db, datasetName);
  return cachedAnalysis(db, dataset.id, "funnel", query, () => computeFunnel(db, datasetName, dataset, query));
}

/** Users, % of step 1 and of the previous step, drop-off and median time per step, per series. */
export async function getFunnel(db: Db, datasetName: string, query: FunnelQuery): Promise<FunnelResult> {
  return (await computeFunnelCached(db, datasetName, query)).result;
}
