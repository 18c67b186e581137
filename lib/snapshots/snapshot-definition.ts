/**
 * The saved definition version a snapshot request names, with its dataset.
 * Definition names are unique per model; when two models share one, the most
 * recently saved wins (as in chart breakdowns, lib/analytics/user-groups.ts).
 */
import type { Queryable } from "../db/db";
import { assertTimeZone } from "../features/as-of";
import { isModelId, validateDefinition, type AnyDefinition, type ModelId } from "../definitions/models";
import { NotFoundError } from "../http/not-found-error";
import { DefinitionValidationError } from "../segments/segment-errors";

export interface SnapshotDataset {
  id: number;
  name: string;
  timezone: string;
}

export interface SnapshotDefinition {
  dataset: SnapshotDataset;
  /** segment_definitions.id of the version. */
  id: number;
  modelId: ModelId;
  name: string;
  version: number;
  definition: AnyDefinition;
}

/** SQL: the model of the most recently saved definition named $2 in dataset $1. */
export const DEFINITION_MODEL_SQL = `(SELECT m.model_id FROM segment_definitions m WHERE m.dataset_id = $1 AND m.name = $2 ORDER BY m.created_at DESC, m.id DESC LIMIT 1)`;

export async function requireSnapshotDataset(db: Queryable, datasetName: string): Promise<SnapshotDataset> {
  const [row] = await db.query<SnapshotDataset>(`SELECT id, name, timezone FROM datasets WHERE name = $1`, [datasetName]);
  if (!row) throw new NotFoundError(`There is no dataset named "${datasetName}".`);
  assertTimeZone(row.timezone);
  return row;
}

/**
 * One saved version (the latest without `version`), validated.
 * @throws NotFoundError naming what is missing; DefinitionValidationError when the stored JSON no longer validates.
 */
export async function resolveSnapshotDefinition(db: Queryable, datasetName: string, name: string, version?: number): Promise<SnapshotDefinition> {
  const dataset = await requireSnapshotDataset(db, datasetName);
  const [row] = await db.query<{ id: number; model_id: string; name: string; version: number; definition: unknown }>(
    `SELECT s.id, s.model_id, s.name, s.version, s.definition
     FROM segment_definitions s
     WHERE s.dataset_id = $1 AND s.name = $2 AND s.model_id = ${DEFINITION_MODEL_SQL} AND ($3::int IS NULL OR s.version = $3::int)
     ORDER BY s.version DESC LIMIT 1`,
    [dataset.id, name, version ?? null],
  );
  if (!row) {
    const what = version === undefined ? `saved segment definition named "${name}"` : `version ${version} of the segment definition "${name}"`;
    throw new NotFoundError(`Dataset "${datasetName}" has no ${what}.`);
  }
  const checked = validateDefinition(row.model_id, row.definition);
  if (!checked.ok || !isModelId(row.model_id)) throw new DefinitionValidationError(checked.ok ? [] : checked.errors);
  return { dataset, id: row.id, modelId: row.model_id, name: row.name, version: row.version, definition: checked.definition };
}
