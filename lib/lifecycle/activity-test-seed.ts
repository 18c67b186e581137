import type { Queryable } from "../db/db";

/** [user, event name, ISO instant] */
export type SeedEvent = readonly [user: string, event: string, ts: string];

/**
 * A dataset with the given events, for the lifecycle and stickiness database
 * tests: one INSERT … SELECT unnest(…) rather than a statement per event, so
 * generated fixtures of a few thousand events stay fast on PGlite.
 */
export async function seedActivityDataset(db: Queryable, name: string, timezone: string, events: readonly SeedEvent[], kind = "events"): Promise<number> {
  const [dataset] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone, kind) VALUES ($1, $2, $3) RETURNING id`, [name, timezone, kind]);
  await db.query(
    `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id)
     SELECT $1, 'i:' || ordinality, user_id, event_name, ts, 1
     FROM unnest($2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS e(user_id, event_name, ts, ordinality)`,
    [dataset!.id, events.map((event) => event[0]), events.map((event) => event[1]), events.map((event) => event[2])],
  );
  return dataset!.id;
}
