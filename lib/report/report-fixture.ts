import type { Db } from "../db/db";
import { clearFeatureCache } from "../segments/feature-cache";
import { saveDefinition } from "../segments/segment-definitions";
import { createFeatureDataset, insertFeatureRows, recordRefresh } from "../segments/segment-fixtures";

/**
 * The report tests' dataset (build-report and playbook db tests): 40 daily
 * users (frequency 50, 30 of the last 30 days active, 5 sessions a week, 3
 * core features, never converted) and 60 rare ones (frequency 2, half of them
 * converted, 2 core features), segmented by a saved "Usage" definition:
 * frequency ≥ 10 → `dailyName`, everyone else "Rare".
 */
export async function loadDailyAndRareReportDataset(db: Db, datasetName: string, options: { dailyName: string; playbook?: Record<string, string> }): Promise<void> {
  clearFeatureCache();
  const id = await createFeatureDataset(db, datasetName);
  await insertFeatureRows(db, id, [
    ...Array.from({ length: 40 }, (_, i) => ({ userId: `d${i}`, frequency: 50, activeDays30d: 30, sessionsPerWeek: 5, coreFeaturesUsed: 3 })),
    ...Array.from({ length: 60 }, (_, i) => ({ userId: `r${i}`, frequency: 2, converted: i < 30, coreFeaturesUsed: 2 })),
  ]);
  await recordRefresh(db, id);
  await saveDefinition(db, datasetName, {
    modelId: "behavior-rules",
    name: "Usage",
    definition: { rules: [{ name: options.dailyName, match: "all", conditions: [{ feature: "frequency", operator: ">=", value: 10 }] }], fallback: "Rare" },
    ...(options.playbook ? { playbook: options.playbook } : {}),
  });
}
