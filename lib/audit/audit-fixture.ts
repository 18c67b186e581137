import type { Db } from "../db/db";
import { ingest } from "../ingest/ingest";

/**
 * A small dataset for the audit (NDJSON, loaded through the real ingest):
 * a clean product — 20 users over 30 days from 2025-03-03 (UTC), each with
 * signup, activated, a purchase with revenue and view_dashboard every third
 * day, so every day has events — and, with `dirty`, one injection per check.
 * AUDIT_INJECTIONS lists what each injection adds; the test asserts the
 * audit reports exactly those counts.
 */

const START_MS = Date.UTC(2025, 2, 3);
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const CLEAN_USERS = 20;
const DAYS = 30;
/** Days 12–14 (2025-03-15 … 17) lose every event in the dirty dataset. */
export const GAP_DAYS = [12, 13, 14] as const;

interface FixtureRow {
  user_id: string;
  event: string;
  timestamp: string;
  revenue: number | null;
  properties?: Record<string, string>;
}

export const AUDIT_INJECTIONS = {
  missingUserIds: 7,
  anonymousUsers: 4,
  anonymousEvents: 8,
  identitySplitUsers: 2,
  ordersWithoutRevenue: 5,
  purchaseLikeEvents: CLEAN_USERS + 5,
  sprawlNames: ["Sign Up", "sign_up", "signup"],
  highCardinalityValues: 1200,
  futureEvents: 3,
  earlyEvents: 2,
  emptyDays: ["2025-03-15", "2025-03-16", "2025-03-17"],
  burstGroups: 2,
  burstExtraEvents: 5,
  singleEventUsers: 3,
  oneInstantUsers: 2,
  /** Users in the dirty dataset: 20 clean + 4 anonymous + 3 single-event + 2 one-instant. */
  users: 29,
} as const;

const at = (day: number, minutes: number) => new Date(START_MS + day * DAY_MS + minutes * MINUTE_MS).toISOString();
const userId = (i: number) => `u${String(i).padStart(2, "0")}`;
const channel = (i: number) => ["organic", "paid", "social"][i % 3]!;

function cleanRows(dirty: boolean): FixtureRow[] {
  const rows: FixtureRow[] = [];
  for (let i = 1; i <= CLEAN_USERS; i++) {
    const signupDay = (i - 1) % 5;
    const properties: Record<string, string> = { channel: channel(i) };
    // The anonymous ids u01 and u02 had before signing up (identity split).
    const signupProperties = dirty && i <= 2 ? { ...properties, anonymous_id: `anon_${i}` } : properties;
    rows.push({ user_id: userId(i), event: "signup", timestamp: at(signupDay, 9 * 60 + i), revenue: null, properties: signupProperties });
    rows.push({ user_id: userId(i), event: "activated", timestamp: at(signupDay, 9 * 60 + 30 + i), revenue: null, properties });
    rows.push({ user_id: userId(i), event: "purchase", timestamp: at(signupDay + 2, 11 * 60 + i), revenue: 10, properties });
    for (let day = signupDay; day < DAYS; day++) {
      if ((day + i) % 3 === 0) rows.push({ user_id: userId(i), event: "view_dashboard", timestamp: at(day, 10 * 60 + i), revenue: null, properties });
    }
  }
  return dirty ? rows.filter((row) => !GAP_DAYS.some((day) => row.timestamp.startsWith(at(day, 0).slice(0, 10)))) : rows;
}

function injectedRows(): (FixtureRow | Record<string, unknown>)[] {
  const rows: (FixtureRow | Record<string, unknown>)[] = [];
  for (let k = 0; k < AUDIT_INJECTIONS.missingUserIds; k++) rows.push({ user_id: "", event: "view_dashboard", timestamp: at(5, 8 * 60 + k), revenue: null });
  for (let k = 1; k <= AUDIT_INJECTIONS.anonymousUsers; k++) {
    rows.push({ user_id: `anon_${k}`, event: "view_dashboard", timestamp: at(5, 8 * 60), revenue: null });
    rows.push({ user_id: `anon_${k}`, event: "view_dashboard", timestamp: at(5, 8 * 60 + 5 + k), revenue: null });
  }
  for (let day = 6; day <= 10; day++) rows.push({ user_id: "u05", event: "Order Completed", timestamp: at(day, 12 * 60), revenue: null });
  for (const day of [3, 4, 5]) rows.push({ user_id: "u06", event: "Sign Up", timestamp: at(day, 13 * 60), revenue: null });
  for (const day of [3, 4]) rows.push({ user_id: "u07", event: "sign_up", timestamp: at(day, 13 * 60), revenue: null });
  // 1,200 page views, each with its own URL (a session id in the query string), outside the gap.
  for (let k = 0; k < AUDIT_INJECTIONS.highCardinalityValues; k++) {
    const day = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 18, 19, 20, 21, 22][k % 20]!;
    rows.push({
      user_id: userId((k % CLEAN_USERS) + 1),
      event: "page_view",
      timestamp: at(day, 14 * 60 + Math.floor(k / 20)),
      revenue: null,
      properties: { page_url: `/reports?session=${k}` },
    });
  }
  for (let k = 0; k < AUDIT_INJECTIONS.futureEvents; k++) rows.push({ user_id: "u08", event: "view_dashboard", timestamp: `2099-01-01T00:00:0${k}Z`, revenue: null });
  for (let k = 0; k < AUDIT_INJECTIONS.earlyEvents; k++) rows.push({ user_id: "u09", event: "view_dashboard", timestamp: `1995-06-01T00:00:0${k}Z`, revenue: null });
  // Bursts: 4 and 3 identical rows (no insert id, so ingest keeps each occurrence).
  for (let k = 0; k < 4; k++) rows.push({ user_id: "u03", event: "click_export", timestamp: at(3, 15 * 60), revenue: null });
  for (let k = 0; k < 3; k++) rows.push({ user_id: "u03", event: "click_export", timestamp: at(4, 16 * 60), revenue: null });
  for (let k = 1; k <= AUDIT_INJECTIONS.singleEventUsers; k++) rows.push({ user_id: `solo_${k}`, event: "view_dashboard", timestamp: at(20, 10 * 60), revenue: null });
  for (let k = 1; k <= AUDIT_INJECTIONS.oneInstantUsers; k++) {
    for (const event of ["signup", "activated", "view_dashboard", "click_export"]) rows.push({ user_id: `batch_${k}`, event, timestamp: at(20, 0), revenue: null });
  }
  return rows;
}

/** The fixture as NDJSON lines. */
export function auditFixtureNdjson(dirty: boolean): string {
  const rows = dirty ? [...cleanRows(true), ...injectedRows()] : cleanRows(false);
  return rows.map((row) => JSON.stringify(row)).join("\n") + "\n";
}

/** Loads the fixture into a new dataset through ingest and sets its events (the dirty one has no signup event and an activation event that never occurs). */
export async function loadAuditFixture(db: Db, datasetName: string, dirty: boolean): Promise<{ rowsRead: number }> {
  const text = auditFixtureNdjson(dirty);
  const source = (async function* () {
    yield new TextEncoder().encode(text);
  })();
  const report = await ingest(db, source, { datasetName, fileName: `${datasetName}.ndjson`, format: "ndjson", timezone: "UTC" });
  await db.query(`UPDATE datasets SET signup_event = $2, activation_event = $3 WHERE name = $1`, [
    datasetName,
    dirty ? null : "signup",
    dirty ? "activation_done" : "activated",
  ]);
  return { rowsRead: report.total };
}
