/**
 * Saved segment definitions: governed, versioned data (table
 * segment_definitions). A version is never edited; saving inserts version
 * n + 1 with who, when and what changed, so any number quoted with "v3" can
 * be reproduced later. The change_note column holds the computed changes and
 * the saver's optional note (format in change-note.ts).
 */
import type { Db, Queryable } from "../db/db";
import { requireDatasetId } from "../datasets/find-dataset-id";
import { isoTimestamp } from "../datasets/iso-timestamp";
import { describeDefinitionChanges, describePlaybookChanges } from "../definitions/definition-diff";
import { MODEL_IDS, validateDefinition, type AnyDefinition, type ModelId } from "../definitions/models";
import { PlaybookSchema, type Playbook } from "../definitions/playbook";
import { NotFoundError } from "../http/not-found-error";
import { decodeChangeNote, encodeChangeNote } from "./change-note";
import { DefinitionValidationError, SegmentsRequestError } from "./segment-errors";
import type { DefinitionList, DefinitionRef, DefinitionVersion, SaveDefinitionRequest, SavedDefinition } from "./segment-definitions.types";

export const FIRST_VERSION_NOTE = "First version";
const ANONYMOUS = "anonymous";
// Serialises saves per dataset, so two saves of one name cannot both become version n + 1.
const SAVE_LOCK = 727003;

interface DefinitionSqlRow {
  id: number;
  model_id: string;
  name: string;
  version: number;
  definition: unknown;
  playbook: Record<string, string> | null;
  created_by: string;
  created_at: Date | string;
  change_note: string;
}

const COLUMNS = `id, model_id, name, version, definition, playbook, created_by, created_at, change_note`;

function toVersion(row: DefinitionSqlRow): DefinitionVersion {
  const { note, changes } = decodeChangeNote(row.change_note);
  return {
    id: row.id,
    modelId: row.model_id,
    name: row.name,
    version: row.version,
    definition: row.definition,
    playbook: row.playbook,
    createdBy: row.created_by,
    createdAt: isoTimestamp(row.created_at),
    changes,
    note,
  };
}

/** Every saved definition of a dataset (optionally of one model): latest version plus history, newest first. */
export async function listDefinitions(db: Queryable, datasetName: string, options: { modelId?: string } = {}): Promise<DefinitionList> {
  const datasetId = await requireDatasetId(db, datasetName);
  const rows = await db.query<DefinitionSqlRow>(
    `SELECT ${COLUMNS} FROM segment_definitions
     WHERE dataset_id = $1 AND ($2::text IS NULL OR model_id = $2::text)
     ORDER BY model_id, name, version DESC`,
    [datasetId, options.modelId ?? null],
  );
  const byName = new Map<string, SavedDefinition>();
  for (const row of rows) {
    const key = `${row.model_id}\u0000${row.name}`;
    const version = toVersion(row);
    const saved = byName.get(key);
    if (saved) saved.history.push(version);
    else byName.set(key, { modelId: row.model_id, name: row.name, latest: version, history: [version] });
  }
  const modelOrder = (id: string) => {
    const index = MODEL_IDS.indexOf(id as ModelId);
    return index < 0 ? MODEL_IDS.length : index;
  };
  const definitions = [...byName.values()].sort(
    (a, b) => modelOrder(a.modelId) - modelOrder(b.modelId) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return { datasetName, definitions };
}

/**
 * One saved version (the latest when `ref.version` is omitted).
 * @throws NotFoundError naming what is missing.
 */
export async function getDefinitionVersion(
  db: Queryable,
  datasetName: string,
  modelId: string,
  ref: DefinitionRef,
): Promise<DefinitionVersion> {
  const datasetId = await requireDatasetId(db, datasetName);
  const [row] = await db.query<DefinitionSqlRow>(
    `SELECT ${COLUMNS} FROM segment_definitions
     WHERE dataset_id = $1 AND model_id = $2 AND name = $3 AND ($4::int IS NULL OR version = $4::int)
     ORDER BY version DESC LIMIT 1`,
    [datasetId, modelId, ref.name, ref.version ?? null],
  );
  if (!row) {
    const what = ref.version === undefined ? `saved ${modelId} definition named "${ref.name}"` : `version ${ref.version} of the ${modelId} definition "${ref.name}"`;
    throw new NotFoundError(`Dataset "${datasetName}" has no ${what}.`);
  }
  return toVersion(row);
}

/**
 * Validates and saves a definition as the next version of its name.
 * @throws DefinitionValidationError with validateDefinition's messages;
 *   SegmentsRequestError "unchanged" when it equals the latest version.
 */
export async function saveDefinition(db: Db, datasetName: string, request: SaveDefinitionRequest): Promise<DefinitionVersion> {
  const checked = validateDefinition(request.modelId, request.definition);
  if (!checked.ok) throw new DefinitionValidationError(checked.errors);
  const playbook = parsePlaybook(request.playbook);
  const datasetId = await requireDatasetId(db, datasetName);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1, $2)`, [SAVE_LOCK, datasetId]);
    const [previous] = await tx.query<DefinitionSqlRow>(
      `SELECT ${COLUMNS} FROM segment_definitions WHERE dataset_id = $1 AND model_id = $2 AND name = $3 ORDER BY version DESC LIMIT 1`,
      [datasetId, request.modelId, request.name],
    );
    const changes = previous ? changesSince(previous, checked.definition, playbook) : [FIRST_VERSION_NOTE];
    if (changes.length === 0) {
      throw new SegmentsRequestError(
        "unchanged",
        `Nothing changed since version ${previous!.version} of "${request.name}": no new version was saved.`,
      );
    }
    const [row] = await tx.query<DefinitionSqlRow>(
      `INSERT INTO segment_definitions (dataset_id, model_id, name, version, definition, playbook, created_by, change_note)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)
       RETURNING ${COLUMNS}`,
      [
        datasetId,
        request.modelId,
        request.name,
        (previous?.version ?? 0) + 1,
        JSON.stringify(checked.definition),
        playbook === null ? null : JSON.stringify(playbook),
        request.createdBy ?? ANONYMOUS,
        encodeChangeNote({ note: request.note?.trim() || null, changes }),
      ],
    );
    return toVersion(row!);
  });
}

function parsePlaybook(playbook: unknown): Playbook | null {
  if (playbook === undefined || playbook === null) return null;
  const parsed = PlaybookSchema.safeParse(playbook);
  if (parsed.success) return parsed.data;
  throw new DefinitionValidationError(
    parsed.error.issues.map((issue) => `Playbook${issue.path.length > 0 ? ` "${issue.path.join(".")}"` : ""}: ${issue.message}`),
  );
}

function changesSince(previous: DefinitionSqlRow, definition: AnyDefinition, playbook: Playbook | null): string[] {
  return [
    ...describeDefinitionChanges(previous.definition, definition),
    ...describePlaybookChanges(previous.playbook, playbook),
  ];
}

/**
 * The model of a saved definition found by name only (links and CLI flags
 * name definitions without their model). Names are unique per model; when
 * two models share one, the most recently saved wins. Without a name: the
 * dataset's most recently saved definition, or null when there is none.
 * @throws NotFoundError when a named definition does not exist.
 */
export async function findDefinitionModel(db: Queryable, datasetName: string, name?: string): Promise<{ modelId: string; name: string } | null> {
  const [row] = await db.query<{ model_id: string; name: string }>(
    `SELECT s.model_id, s.name FROM segment_definitions s JOIN datasets d ON d.id = s.dataset_id
     WHERE d.name = $1 AND ($2::text IS NULL OR s.name = $2::text) ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
    [datasetName, name ?? null],
  );
  if (!row && name !== undefined) throw new NotFoundError(`Dataset "${datasetName}" has no saved segment definition named "${name}".`);
  return row ? { modelId: row.model_id, name: row.name } : null;
}
