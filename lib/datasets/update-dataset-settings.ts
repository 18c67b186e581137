/**
 * Editing what a dataset's events mean (signup, activation, conversion,
 * cancel, core features, timezone, session timeout). Every one of them feeds
 * the features, so a change recomputes them in full right away: no screen
 * keeps showing numbers computed under the old meaning.
 */
import type { Db } from "../db/db";
import { refreshFeatures, type RefreshResult } from "../features/refresh-features";
import { NotFoundError } from "../http/not-found-error";
import type { DatasetSettingsPatch } from "./dataset-settings.types";
import { getDatasetByName } from "./get-dataset";
import type { DatasetDetail } from "./get-dataset.types";

const COLUMNS: Record<keyof DatasetSettingsPatch, string> = {
  timezone: "timezone",
  sessionTimeoutMinutes: "session_timeout_minutes",
  signupEvent: "signup_event",
  activationEvent: "activation_event",
  conversionEvent: "conversion_event",
  cancelEvent: "cancel_event",
  coreFeatures: "core_features",
};

export interface SettingsUpdate {
  dataset: DatasetDetail;
  /** Settings whose value changed. */
  changed: (keyof DatasetSettingsPatch)[];
  /** The full feature refresh the change caused; null when nothing changed or the dataset has no events. */
  refresh: RefreshResult | null;
}

/** @throws NotFoundError for an unknown dataset. */
export async function updateDatasetSettings(db: Db, datasetName: string, patch: DatasetSettingsPatch): Promise<SettingsUpdate> {
  const before = await getDatasetByName(db, datasetName);
  if (!before) throw new NotFoundError(`There is no dataset named "${datasetName}".`);
  const changed = (Object.keys(patch) as (keyof DatasetSettingsPatch)[]).filter(
    (key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(before[key]),
  );
  if (changed.length === 0) return { dataset: before, changed, refresh: null };
  // Column names come from the fixed map above; values are parameters.
  const assignments = changed.map((key, index) => `${COLUMNS[key]} = $${index + 2}`);
  await db.query(`UPDATE datasets SET ${assignments.join(", ")} WHERE id = $1`, [before.id, ...changed.map((key) => patch[key])]);
  const refresh = before.events > 0 ? await refreshFeatures(db, before.id, { mode: "full" }) : null;
  return { dataset: (await getDatasetByName(db, datasetName))!, changed, refresh };
}
