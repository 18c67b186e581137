/**
 * A dataset's recommendation playbook: governed, versioned data (table
 * recommendation_playbooks). A version is never edited; saving inserts
 * version n + 1 with a timestamp, what changed and an optional note, and the
 * newest version is in force for every report, download and CLI run. A
 * dataset never saved uses the built-in rules as "version 0"; "reset to
 * defaults" saves the built-in rules as a new version, so the history shows it.
 */
import type { Db, Queryable } from "../db/db";
import { requireDatasetId } from "../datasets/find-dataset-id";
import { isoTimestamp } from "../datasets/iso-timestamp";
import { decodeChangeNote, encodeChangeNote } from "../segments/change-note";
import { SegmentsRequestError } from "../segments/segment-errors";
import { describePlaybookChanges, sameRules } from "./playbook-edits";
import { PlaybookValidationError, validatePlaybookRules } from "./playbook-validation";
import type { PlaybookResponse, PlaybookVersion, SavePlaybookRequest } from "./playbook.types";
import { DEFAULT_RECOMMENDATION_RULES, recommendationRulesSchema, type RecommendationRule } from "./recommendation-rules";

export const RESET_CHANGE = "Reset to the built-in rules";
export const FIRST_SAVE_CHANGE = "First saved version";
// Serialises saves per dataset, so two saves cannot both become version n + 1.
const SAVE_LOCK = 727011;

/** The columns of a PlaybookSqlRow. */
const COLUMNS = "version, rules, note, created_at";

interface PlaybookSqlRow {
  version: number;
  rules: unknown;
  note: string;
  created_at: Date | string;
}

function toVersion(row: PlaybookSqlRow): PlaybookVersion {
  const { note, changes } = decodeChangeNote(row.note);
  // Stored rows were validated on save; parsing again fills defaults and types them.
  return { version: row.version, builtIn: false, note, changes, savedAt: isoTimestamp(row.created_at), rules: recommendationRulesSchema.parse(row.rules) };
}

export function builtInPlaybook(): PlaybookVersion {
  return { version: 0, builtIn: true, note: null, changes: [], savedAt: null, rules: structuredClone(DEFAULT_RECOMMENDATION_RULES) as RecommendationRule[] };
}

async function latestRow(db: Queryable, datasetId: number): Promise<PlaybookSqlRow | undefined> {
  const [row] = await db.query<PlaybookSqlRow>(
    `SELECT ${COLUMNS} FROM recommendation_playbooks WHERE dataset_id = $1 ORDER BY version DESC LIMIT 1`,
    [datasetId],
  );
  return row;
}

/** The playbook every consumer of a dataset uses: its newest saved version, else the built-in rules. */
export async function playbookInForce(db: Queryable, datasetName: string): Promise<PlaybookVersion> {
  const row = await latestRow(db, await requireDatasetId(db, datasetName));
  return row ? toVersion(row) : builtInPlaybook();
}

/** The playbook in force, the saved versions (newest first) and the built-in rules. */
export async function getPlaybook(db: Queryable, datasetName: string): Promise<PlaybookResponse> {
  const datasetId = await requireDatasetId(db, datasetName);
  const rows = await db.query<PlaybookSqlRow>(
    `SELECT ${COLUMNS} FROM recommendation_playbooks WHERE dataset_id = $1 ORDER BY version DESC`,
    [datasetId],
  );
  const versions = rows.map(toVersion);
  return {
    dataset: datasetName,
    inForce: versions[0] ?? builtInPlaybook(),
    versions: versions.map(({ rules, builtIn: _builtIn, ...rest }) => ({
      ...rest,
      ruleCount: rules.length,
      enabledCount: rules.filter((rule) => rule.enabled !== false).length,
    })),
    defaults: builtInPlaybook().rules,
  };
}

/** A specific saved version (a report quoting "playbook v3" can be reproduced). */
export async function getPlaybookVersion(db: Queryable, datasetName: string, version: number): Promise<PlaybookVersion> {
  if (version === 0) return builtInPlaybook();
  const datasetId = await requireDatasetId(db, datasetName);
  const [row] = await db.query<PlaybookSqlRow>(`SELECT ${COLUMNS} FROM recommendation_playbooks WHERE dataset_id = $1 AND version = $2`, [
    datasetId,
    version,
  ]);
  if (!row) throw new SegmentsRequestError("invalid_request", `Dataset "${datasetName}" has no playbook version ${version}.`);
  return toVersion(row);
}

/**
 * Saves the new playbook (or the built-in rules, for a reset) as the next version.
 * @throws PlaybookValidationError with one sentence per problem;
 *   SegmentsRequestError "unchanged" when it equals the playbook in force.
 */
export async function savePlaybook(db: Db, datasetName: string, request: SavePlaybookRequest): Promise<PlaybookVersion> {
  let rules: RecommendationRule[];
  if (request.reset) rules = builtInPlaybook().rules;
  else {
    const checked = validatePlaybookRules(request.rules);
    if (!checked.ok) throw new PlaybookValidationError(checked.issues, request.rules);
    rules = checked.rules;
  }
  const datasetId = await requireDatasetId(db, datasetName);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1, $2)`, [SAVE_LOCK, datasetId]);
    const previousRow = await latestRow(tx, datasetId);
    const previous = previousRow ? toVersion(previousRow) : builtInPlaybook();
    if (sameRules(previous.rules, rules)) {
      throw new SegmentsRequestError(
        "unchanged",
        previous.builtIn
          ? "The playbook already equals the built-in rules: no new version was saved."
          : `Nothing changed since playbook version ${previous.version}: no new version was saved.`,
      );
    }
    const changes = request.reset ? [RESET_CHANGE] : previousRow ? describePlaybookChanges(previous.rules, rules) : [FIRST_SAVE_CHANGE, ...describePlaybookChanges(previous.rules, rules)];
    const [row] = await tx.query<PlaybookSqlRow>(
      `INSERT INTO recommendation_playbooks (dataset_id, version, rules, note) VALUES ($1, $2, $3::jsonb, $4)
       RETURNING ${COLUMNS}`,
      [datasetId, previous.version + 1, JSON.stringify(rules), encodeChangeNote({ note: request.note?.trim() || null, changes })],
    );
    return toVersion(row!);
  });
}
