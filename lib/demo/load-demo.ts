import type { Db } from "../db/db";
import { refreshFeatures, type RefreshResult } from "../features/refresh-features";
import { ingest, type IngestProgress } from "../ingest/ingest";
import { createDemoDataset } from "./copy-demo-events";
import { demoCsv } from "./demo-csv";
import { DEMO_DATASET, DEMO_DAYS, DEMO_SEED, DEMO_START, DEMO_USERS } from "./demo-dataset";

export interface DemoLoadResult {
  datasetName: string;
  skipped: boolean;
  accepted: number;
  refresh: RefreshResult | null;
}

/**
 * Loads the seeded demo SaaS dataset through the real ingest path (CSV text →
 * parse → COPY → dedupe), then refreshes features. Idempotent: a dataset that
 * already has a succeeded load is left alone.
 */
export async function loadDemo(db: Db, options: { users?: number; onProgress?: (progress: IngestProgress) => void } = {}): Promise<DemoLoadResult> {
  const [loaded] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ingest_jobs j JOIN datasets d ON d.id = j.dataset_id WHERE d.name = $1 AND j.status = 'succeeded'`,
    [DEMO_DATASET.name],
  );
  if (loaded && loaded.n > 0) return { datasetName: DEMO_DATASET.name, skipped: true, accepted: 0, refresh: null };

  await createDemoDataset(db, DEMO_DATASET.name);
  const users = options.users ?? DEMO_USERS;
  const encoder = new TextEncoder();
  const chunks = (async function* () {
    for (const text of demoCsv({ seed: DEMO_SEED, users, start: DEMO_START, days: DEMO_DAYS })) yield encoder.encode(text);
  })();
  const report = await ingest(db, chunks, { datasetName: DEMO_DATASET.name, fileName: `demo-saas-${users}-users.csv`, format: "csv" }, options.onProgress);
  const refresh = await refreshFeatures(db, report.datasetId);
  return { datasetName: DEMO_DATASET.name, skipped: false, accepted: report.accepted, refresh };
}
