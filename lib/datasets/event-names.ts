import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { requireDatasetId } from "./find-dataset-id";
import type { EventNameCount } from "./event-names.types";

/** At most this many names: a picker with thousands of names helps nobody. */
export const MAX_EVENT_NAMES = 500;

/**
 * The dataset's event names with their event counts, most frequent first (ties by name),
 * cached until the data changes (one pass over the dataset's events).
 */
export async function listEventNames(db: Db, datasetName: string): Promise<EventNameCount[]> {
  const datasetId = await requireDatasetId(db, datasetName);
  return cachedAnalysis(db, datasetId, "event-names", {}, async () => {
    const rows = await db.query<{ event_name: string; events: string | number }>(
      `SELECT event_name, count(*) AS events FROM events WHERE dataset_id = $1
       GROUP BY event_name ORDER BY count(*) DESC, event_name LIMIT $2`,
      [datasetId, MAX_EVENT_NAMES],
    );
    return rows.map((row) => ({ name: row.event_name, events: Number(row.events) }));
  });
}
