import { defaultActivityAsOf, getActivityStore } from "../activity/activity-store";
import type { Db, Queryable } from "../db/db";
import { assertTimeZone, resolveAsOf } from "../features/as-of";
import { PURCHASE_EVENT } from "../features/feature-sql";
import { NotFoundError } from "../http/not-found-error";

/** What the activity charts (lifecycle, stickiness) need to know about a dataset. */
export interface ActivityDataset {
  id: number;
  timezone: string;
  kind: string;
}

export async function readActivityDataset(db: Queryable, name: string): Promise<ActivityDataset> {
  const [row] = await db.query<ActivityDataset>(`SELECT id, timezone, kind FROM datasets WHERE name = $1`, [name]);
  if (!row) throw new NotFoundError(`There is no dataset named "${name}".`);
  assertTimeZone(row.timezone);
  return row;
}

/**
 * The event that counts as activity: the one asked for, else any event —
 * except in transaction datasets, where activity means a purchase (as in
 * retention: coming back = buying again).
 */
export function resolveActivityEvent(dataset: Pick<ActivityDataset, "kind">, requested: string | undefined): string | null {
  if (requested !== undefined) return requested;
  return dataset.kind === "transactions" ? PURCHASE_EVENT : null;
}

/**
 * The as-of of an activity chart: the explicit one, else the end of the local
 * day of the dataset's last event of any name — not of the chosen activity, so
 * that picking a rare event does not move the chart's time axis, and users who
 * stopped doing it show up as dormant until today. null without events.
 */
export async function resolveActivityAsOf(db: Db, dataset: ActivityDataset, explicit: Date | undefined): Promise<Date | null> {
  if (explicit) return resolveAsOf(explicit, null, dataset.timezone);
  // From the activity rollup: max(ts) over the events would scan them all.
  return defaultActivityAsOf(await getActivityStore(db, dataset.id), false);
}
