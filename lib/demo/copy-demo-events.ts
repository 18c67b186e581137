import type { Db } from "../db/db";
import { copyValue as copyText } from "../db/copy-text";
import { DEMO_DATASET } from "./demo-dataset";
import type { DemoEvent } from "./demo-events";

/**
 * Demo events straight into the events table with COPY (dedupe_key
 * 'i:<insert_id>'), bypassing ingest: for feature tests and the feature
 * benchmark, which measure the feature SQL alone.
 */

/** Creates (or resets the settings of) a dataset with the demo's settings; returns its id. */
export async function createDemoDataset(db: Db, name: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO datasets (name, timezone, session_timeout_minutes, signup_event, activation_event, conversion_event,
                           cancel_event, revenue_field, core_features, dimensions, kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (name) DO UPDATE SET timezone = EXCLUDED.timezone, session_timeout_minutes = EXCLUDED.session_timeout_minutes,
       signup_event = EXCLUDED.signup_event, activation_event = EXCLUDED.activation_event, conversion_event = EXCLUDED.conversion_event,
       cancel_event = EXCLUDED.cancel_event, revenue_field = EXCLUDED.revenue_field, core_features = EXCLUDED.core_features,
       dimensions = EXCLUDED.dimensions, kind = EXCLUDED.kind
     RETURNING id`,
    [
      name,
      DEMO_DATASET.timezone,
      DEMO_DATASET.sessionTimeoutMinutes,
      DEMO_DATASET.signupEvent,
      DEMO_DATASET.activationEvent,
      DEMO_DATASET.conversionEvent,
      DEMO_DATASET.cancelEvent,
      DEMO_DATASET.revenueField,
      [...DEMO_DATASET.coreFeatures],
      [...DEMO_DATASET.dimensions],
      DEMO_DATASET.kind,
    ],
  );
  return row!.id;
}

const EVENT_COLUMNS = ["dataset_id", "dedupe_key", "user_id", "event_name", "ts", "revenue", "properties", "job_id"] as const;

/** COPYs demo events into `events` in 100k-row batches; returns the number loaded. */
export async function copyEvents(db: Db, datasetId: number, events: Iterable<DemoEvent>, jobId: number): Promise<number> {
  let rows: string[] = [];
  let total = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    await db.copyText("events", EVENT_COLUMNS, rows.join(""));
    total += rows.length;
    rows = [];
  };
  for (const event of events) {
    rows.push(
      `${datasetId}\t${copyText(`i:${event.properties.insert_id}`)}\t${copyText(event.userId)}\t${copyText(event.eventName)}\t` +
        `${new Date(event.ts).toISOString()}\t${event.revenue ?? "\\N"}\t${copyText(JSON.stringify(event.properties))}\t${jobId}\n`,
    );
    if (rows.length === 100_000) await flush();
  }
  await flush();
  return total;
}

