import type { Queryable } from "../db/db";

/** A seeded pseudo-random sequence (mulberry32): the same "random" events on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const START = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

/** 120 users with 1–12 events each (30% purchases) at random hours over 150 days from 2026-01-01; job id 1 (no ingest job row). */
export async function seedRandomActivity(db: Queryable, name: string, timezone: string, seed: number): Promise<number> {
  const [dataset] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone) VALUES ($1, $2) RETURNING id`, [name, timezone]);
  const next = random(seed);
  const users: string[] = [];
  const events: string[] = [];
  const stamps: string[] = [];
  for (let user = 0; user < 120; user++) {
    let t = START + Math.floor(next() * 100 * 24) * HOUR;
    const count = 1 + Math.floor(next() * 12);
    for (let k = 0; k < count && t < START + 150 * 24 * HOUR; k++) {
      users.push(`u${user}`);
      events.push(next() < 0.3 ? "purchase" : "view");
      stamps.push(new Date(t).toISOString());
      t += Math.floor(next() * 20 * 24) * HOUR + Math.floor(next() * 60) * 60_000;
    }
  }
  await db.query(
    `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id)
     SELECT $1, 'i:' || n, u, e, t::timestamptz, 1 FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(u, e, t, n)`,
    [dataset!.id, users, events, stamps],
  );
  return dataset!.id;
}
