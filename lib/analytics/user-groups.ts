/**
 * Users split into the series of a breakdown (segments of a saved definition,
 * or dimension values), for SQL to join against. Segment membership comes
 * from the same scoring path as the segment explorer, so a chart's "At Risk"
 * line holds exactly the users the Segments page lists.
 */
import { copyRow } from "../db/copy-text";
import type { Db, Queryable } from "../db/db";
import { DIMENSION_NAMES } from "../definitions/dimension-filters";
import { getDatasetFeatures } from "../segments/feature-cache";
import { findDefinitionModel } from "../segments/segment-definitions";
import { scoreScope } from "../segments/segment-scope";
import { segmentScopeSchema } from "../segments/segment-scope.types";
import { EVERYONE_ELSE, MAX_DIMENSION_GROUPS, type GroupBy } from "./user-groups.types";

export interface UserGroups {
  /** What the series are, in words: "segments of Lifecycle v3", "channel". */
  label: string;
  /**
   * Series names in definition order (dimensions: by size). The last is
   * always "Everyone else": users in no group, and users of the dataset that
   * are not in userIds (events newer than the features), so that a
   * breakdown's parts add up to its total. Charts may hide it when empty.
   */
  groups: string[];
  userIds: readonly string[];
  /** Group of userIds[i]. */
  groupIndex: Int32Array;
  definitionVersion: number | null;
  /** As-of day of the features the groups were taken from. */
  asOfDay: string | null;
}

const DIMENSION_LABELS: Record<(typeof DIMENSION_NAMES)[number], string> = {
  channel: "channel",
  plan: "plan",
  country: "country",
  signupMonth: "signup month",
};

async function definitionGroups(db: Db, datasetName: string, groupBy: Extract<GroupBy, { kind: "definition" }>): Promise<UserGroups> {
  const { modelId } = (await findDefinitionModel(db, datasetName, groupBy.name))!;
  const scope = segmentScopeSchema.parse({ modelId, definitionRef: { name: groupBy.name, version: groupBy.version } });
  const scored = await scoreScope(db, datasetName, scope);
  const { labels, segments } = scored.segmentation;
  return {
    label: `segments of ${groupBy.name} v${scored.saved!.version}`,
    groups: [...segments, EVERYONE_ELSE],
    userIds: scored.store.userIds,
    groupIndex: Int32Array.from(labels),
    definitionVersion: scored.saved!.version,
    asOfDay: scored.asOfDay,
  };
}

async function dimensionGroups(db: Db, datasetName: string, groupBy: Extract<GroupBy, { kind: "dimension" }>): Promise<UserGroups> {
  const features = await getDatasetFeatures(db, datasetName);
  const { codes, dictionary } = features.store.dims[groupBy.dimension];
  const label = DIMENSION_LABELS[groupBy.dimension];
  // Code −1 (no value) is counted at slot dictionary.length.
  const counts = new Float64Array(dictionary.length + 1);
  for (let i = 0; i < codes.length; i++) counts[codes[i]! < 0 ? dictionary.length : codes[i]!]!++;
  const bySize = Array.from(counts.keys())
    .filter((slot) => counts[slot]! > 0)
    .sort((a, b) => counts[b]! - counts[a]! || a - b);
  const shown = bySize.slice(0, MAX_DIMENSION_GROUPS);
  const names = shown.map((slot) => (slot === dictionary.length ? `(no ${label})` : dictionary[slot]!));
  const hasOther = bySize.length > shown.length;
  if (hasOther) names.push(`Other ${label}s`);
  const groups = [...names, EVERYONE_ELSE];
  const slotGroup = new Int32Array(dictionary.length + 1).fill(hasOther ? shown.length : groups.length - 1);
  shown.forEach((slot, index) => (slotGroup[slot] = index));
  const groupIndex = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) groupIndex[i] = slotGroup[codes[i]! < 0 ? dictionary.length : codes[i]!]!;
  return { label, groups, userIds: features.store.userIds, groupIndex, definitionVersion: null, asOfDay: null };
}

/**
 * @throws NotFoundError for an unknown dataset or definition; the segments
 *   errors ("features_missing") when features were never computed.
 */
export async function resolveUserGroups(db: Db, datasetName: string, groupBy: GroupBy): Promise<UserGroups> {
  return groupBy.kind === "definition" ? definitionGroups(db, datasetName, groupBy) : dimensionGroups(db, datasetName, groupBy);
}

/** The index of "Everyone else": the group of users missing from the table. */
export function everyoneElseIndex(groups: UserGroups): number {
  return groups.groups.length - 1;
}

const COPY_CHUNK_USERS = 50_000;

/**
 * Inside a transaction: TEMP table user_groups(user_id, group_index), dropped
 * at commit, filled by COPY. Join with LEFT JOIN … coalesce(g.group_index,
 * everyoneElseIndex(groups)) so users without features still count.
 */
export async function loadUserGroupsTable(tx: Queryable, groups: UserGroups): Promise<void> {
  await tx.exec(`CREATE TEMP TABLE user_groups (user_id text PRIMARY KEY, group_index int NOT NULL) ON COMMIT DROP`);
  for (let start = 0; start < groups.userIds.length; start += COPY_CHUNK_USERS) {
    let rows = "";
    const end = Math.min(start + COPY_CHUNK_USERS, groups.userIds.length);
    for (let i = start; i < end; i++) rows += copyRow([groups.userIds[i]!, groups.groupIndex[i]!]);
    await tx.copyText("user_groups", ["user_id", "group_index"], rows);
  }
  await tx.exec(`ANALYZE user_groups`);
}
