import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { clearFeatureCache } from "../segments/feature-cache";
import { saveDefinition } from "../segments/segment-definitions";
import { createFeatureDataset, insertFeatureRows, recordRefresh } from "../segments/segment-fixtures";
import { everyoneElseIndex, loadUserGroupsTable, resolveUserGroups, type UserGroups } from "./user-groups";
import { EVERYONE_ELSE, MAX_DIMENSION_GROUPS, formatGroupBy, parseGroupBy } from "./user-groups.types";

describe("parseGroupBy", () => {
  it("reads dimensions and saved definitions with an optional version", () => {
    expect(parseGroupBy("channel")).toEqual({ kind: "dimension", dimension: "channel" });
    expect(parseGroupBy("segment:Heavy users")).toEqual({ kind: "definition", name: "Heavy users" });
    expect(parseGroupBy("segment:Heavy@users@3")).toEqual({ kind: "definition", name: "Heavy@users", version: 3 });
    expect(formatGroupBy({ kind: "definition", name: "Heavy", version: 2 })).toBe("segment:Heavy@2");
    expect(parseGroupBy("segment:")).toMatch(/needs a saved definition name/);
    expect(parseGroupBy("browser")).toMatch(/groupBy must be one of channel, plan, country, signupMonth/);
  });
});

function membersOf(groups: UserGroups): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  groups.userIds.forEach((user, i) => (out[groups.groups[groups.groupIndex[i]!]!] ??= []).push(user));
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe.each(testEngines())("resolveUserGroups ($name)", (engine) => {
  let database: TestDatabase;
  const DATASET = "groups-test";

  beforeAll(async () => {
    database = await engine.open();
    clearFeatureCache();
    const id = await createFeatureDataset(database.db, DATASET);
    // 12 channels so that the dimension split folds the smallest into "Other channels".
    const users = Array.from({ length: 14 }, (_, i) => ({
      userId: `u${String(i).padStart(2, "0")}`,
      frequency: i,
      channel: i < 3 ? "ads" : i < 5 ? "social" : i === 13 ? null : `c${i}`,
    }));
    await insertFeatureRows(database.db, id, users);
    await recordRefresh(database.db, id);
    await saveDefinition(database.db, DATASET, {
      modelId: "behavior-rules",
      name: "Frequency",
      definition: { rules: [{ name: "Frequent", match: "all", conditions: [{ feature: "frequency", operator: ">=", value: 10 }] }], fallback: "Rare" },
    });
  });
  afterAll(() => database.close());

  it("splits users by the segments of a saved definition, with Everyone else last", async () => {
    const groups = await resolveUserGroups(database.db, DATASET, { kind: "definition", name: "Frequency" });
    expect(groups.label).toBe("segments of Frequency v1");
    expect(groups.groups).toEqual(["Frequent", "Rare", EVERYONE_ELSE]);
    expect(groups.definitionVersion).toBe(1);
    expect(membersOf(groups)).toEqual({
      Frequent: ["u10", "u11", "u12", "u13"],
      Rare: ["u00", "u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09"],
    });
  });

  it("splits users by dimension, largest first, folding the tail into Other", async () => {
    const groups = await resolveUserGroups(database.db, DATASET, { kind: "dimension", dimension: "channel" });
    // ads 3, social 2, then nine channels of 1 user (c5…c12) and one user without a channel: ties go in dictionary order, "(no channel)" last.
    expect(groups.groups.slice(0, 2)).toEqual(["ads", "social"]);
    expect(groups.groups).toHaveLength(MAX_DIMENSION_GROUPS + 2);
    expect(groups.groups.slice(-2)).toEqual(["Other channels", EVERYONE_ELSE]);
    const members = membersOf(groups);
    expect(members.ads).toEqual(["u00", "u01", "u02"]);
    expect(Object.values(members).flat()).toHaveLength(14);
    expect(members["Other channels"]).toHaveLength(14 - 3 - 2 - (MAX_DIMENSION_GROUPS - 2));
  });

  it("loads the groups into a temporary table for SQL to join", async () => {
    const groups = await resolveUserGroups(database.db, DATASET, { kind: "definition", name: "Frequency" });
    const rows = await database.db.transaction(async (tx) => {
      await loadUserGroupsTable(tx, groups);
      return tx.query<{ group_index: number; users: number }>(
        `SELECT coalesce(g.group_index, $1::int) AS group_index, count(*)::int AS users
         FROM (SELECT unnest(ARRAY['u00', 'u10', 'u11', 'newcomer']) AS user_id) u
         LEFT JOIN user_groups g USING (user_id) GROUP BY 1 ORDER BY 1`,
        [everyoneElseIndex(groups)],
      );
    });
    expect(rows).toEqual([
      { group_index: 0, users: 2 },
      { group_index: 1, users: 1 },
      { group_index: 2, users: 1 },
    ]);
    const [gone] = await database.db.query<{ table: string | null }>(`SELECT to_regclass('user_groups')::text AS table`);
    expect(gone!.table).toBeNull();
  });

  it("says which definition is missing", async () => {
    await expect(resolveUserGroups(database.db, DATASET, { kind: "definition", name: "Nope" })).rejects.toThrow(
      'Dataset "groups-test" has no saved segment definition named "Nope".',
    );
  });
});
