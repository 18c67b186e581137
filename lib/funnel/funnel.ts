import { cachedAnalysis } from "../analytics/result-cache";
import { everyoneElseIndex, loadUserGroupsTable, resolveUserGroups } from "../analytics/user-groups";
import { EVERYONE_ELSE, groupBySchema } from "../analytics/user-groups.types";
import type { Db } from "../db/db";
import { assertTimeZone } from "../features/as-of";
import { NotFoundError } from "../http/not-found-error";
import { describeFunnel } from "./funnel-definition";
import { FunnelMatcher, FunnelTally, funnelStepResults, UserStepEvents } from "./funnel-math";
import { buildFunnelSql, buildStepEventsSql, readStepEvents, type FunnelSeriesSource } from "./funnel-sql";
import { groupStepEvents, readGroupedStepEvents, type StepEventRow } from "./step-event-groups";
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

/** The users who did step 1: each one's id, series key (group index, first-seen period's first day, or '') and step events. */
interface StepEventSource {
  size: number;
  userId(index: number): string;
  seriesKey(index: number): string;
  read(index: number, events: UserStepEvents): void;
}

async function readStepEventSource(db: Db, dataset: DatasetRow, query: FunnelQuery, plan: SeriesPlan): Promise<StepEventSource> {
  // Any order without a first-seen breakdown needs only the step events (an index-only read); strict
  // order numbers every event and cohorts need each user's first event of any kind: one SQL pass per user.
  const perEvent = query.order === "any" && plan.source.kind !== "cohort";
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('TimeZone', $1, true)`, [dataset.timezone]);
    // JIT compilation costs more than it saves on these plans, and the per-user path's sort of
    // ~1M step events fits in memory with a larger work_mem (this transaction only).
    await tx.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '128MB', true)`);
    if (perEvent) {
      const sql = buildStepEventsSql(dataset.id, query.steps);
      const groups = groupStepEvents(await tx.query<StepEventRow>(sql.text, sql.params));
      const groupOf = new Map<string, number>();
      plan.load?.userIds.forEach((userId, index) => groupOf.set(userId, plan.load!.groupIndex[index]!));
      const everyoneElse = plan.load ? everyoneElseIndex(plan.load) : -1;
      return {
        size: groups.userIds.length,
        userId: (index) => groups.userIds[index]!,
        seriesKey: (index) => (plan.load ? String(groupOf.get(groups.userIds[index]!) ?? everyoneElse) : ""),
        read: (index, events) => readGroupedStepEvents(groups, index, events),
      };
    }
    if (plan.load) await loadUserGroupsTable(tx, plan.load);
    const sql = buildFunnelSql(dataset.id, query.steps, query.order, plan.source);
    const rows = await tx.query<{ user_id: string; steps: string; series: string }>(sql.text, sql.params);
    return {
      size: rows.length,
      userId: (index) => rows[index]!.user_id,
      seriesKey: (index) => rows[index]!.series,
      read: (index, events) => readStepEvents(rows[index]!.steps, events),
    };
  });
}

async function computeFunnel(db: Db, datasetName: string, dataset: DatasetRow, query: FunnelQuery): Promise<FunnelComputation> {
  const plan = await planSeries(db, datasetName, query.breakdown, dataset.timezone);
  const source = await readStepEventSource(db, dataset, query, plan);

  // Series keys: group indexes as given; cohorts sorted by their first day.
  const seriesNames =
    plan.source.kind === "cohort" ? [...new Set(Array.from({ length: source.size }, (_, index) => source.seriesKey(index)))].sort() : plan.names;
  const seriesIndex = new Map(seriesNames.map((name, index) => [plan.source.kind === "cohort" ? name : String(index), index]));
  const stepCount = query.steps.length;
  const matcher = new FunnelMatcher(stepCount, windowMs(query.window), query.order);
  const tally = new FunnelTally(stepCount, seriesNames.length + 1);
  const events = new UserStepEvents();
  const stepTimes = new Float64Array(stepCount);
  const users: FunnelUsers = {
    userIds: new Array<string>(source.size),
    reached: new Int8Array(source.size),
    seriesNames,
    series: new Int32Array(source.size),
    startedAt: new Float64Array(source.size),
    lastStepAt: new Float64Array(source.size),
  };
  for (let index = 0; index < source.size; index++) {
    source.read(index, events);
    const reached = matcher.match(events, stepTimes);
    const series = plan.source.kind === "none" ? -1 : seriesIndex.get(source.seriesKey(index))!;
    tally.add(0, reached, stepTimes);
    if (series >= 0) tally.add(series + 1, reached, stepTimes);
    users.userIds[index] = source.userId(index);
    users.reached[index] = reached;
    users.series[index] = series;
    users.startedAt[index] = stepTimes[0]!;
    users.lastStepAt[index] = stepTimes[reached - 1]!;
  }

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
