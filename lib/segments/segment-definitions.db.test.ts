import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOR_RULES } from "../definitions/behavior-rules";
import { DEFAULT_RFM } from "../definitions/rfm";
import { testEngines, type TestDatabase } from "../db/testing";
import { createFeatureDataset } from "./segment-fixtures";
import { getDefinitionVersion, listDefinitions, saveDefinition } from "./segment-definitions";
import { DefinitionValidationError, SegmentsRequestError } from "./segment-errors";

const DATASET = "definitions-fixture";

describe.each(testEngines())("saved definitions on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    await createFeatureDataset(database.db, DATASET);
  });
  afterAll(() => database.close());

  const looser = structuredClone(DEFAULT_BEHAVIOR_RULES);
  looser.rules[4]!.conditions[0] = { feature: "sessionsPerWeek", operator: ">", value: 4 };

  it("saves version 1, then version 2 with what changed, keeping version 1 as it was", async () => {
    const first = await saveDefinition(database.db, DATASET, {
      modelId: "behavior-rules",
      name: "Default",
      definition: DEFAULT_BEHAVIOR_RULES,
      createdBy: "ana@example.com",
    });
    expect(first).toMatchObject({ modelId: "behavior-rules", name: "Default", version: 1, createdBy: "ana@example.com", playbook: null, changes: ["First version"], note: null });
    expect(first.definition).toEqual(DEFAULT_BEHAVIOR_RULES);
    expect(Number.isFinite(Date.parse(first.createdAt))).toBe(true);

    const second = await saveDefinition(database.db, DATASET, {
      modelId: "behavior-rules",
      name: "Default",
      definition: looser,
      playbook: { "Power users": "Book a call" },
    });
    expect(second).toMatchObject({
      version: 2,
      createdBy: "anonymous",
      playbook: { "Power users": "Book a call" },
      changes: ["Power users: sessionsPerWeek > 5 → > 4", 'Playbook "Power users": (none) → "Book a call"'],
    });

    const again = await getDefinitionVersion(database.db, DATASET, "behavior-rules", { name: "Default", version: 1 });
    expect(again).toEqual(first);
    const latest = await getDefinitionVersion(database.db, DATASET, "behavior-rules", { name: "Default" });
    expect(latest).toEqual(second);
  });

  it("refuses to edit a saved version in place", async () => {
    await expect(
      database.db.query(`UPDATE segment_definitions SET change_note = 'rewritten' WHERE name = 'Default' AND version = 1`),
    ).rejects.toThrow("segment definition versions are immutable: save a new version instead");
    const first = await getDefinitionVersion(database.db, DATASET, "behavior-rules", { name: "Default", version: 1 });
    expect(first.changes).toEqual(["First version"]);
  });

  it("saves nothing when nothing changed", async () => {
    const error = await saveDefinition(database.db, DATASET, {
      modelId: "behavior-rules",
      name: "Default",
      definition: looser,
      playbook: { "Power users": "Book a call" },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SegmentsRequestError);
    expect((error as SegmentsRequestError).code).toBe("unchanged");
    expect((error as Error).message).toBe('Nothing changed since version 2 of "Default": no new version was saved.');
  });

  it("refuses an invalid definition with validateDefinition's messages and saves nothing", async () => {
    const broken = structuredClone(DEFAULT_BEHAVIOR_RULES);
    broken.rules[1]!.conditions[0] = { feature: "recencyDays", operator: ">=", value: -3 };
    broken.rules[4]!.conditions[1] = { feature: "coreFeaturesUsed", operator: "between", min: 5, max: 2 };
    const error = await saveDefinition(database.db, DATASET, { modelId: "behavior-rules", name: "Default", definition: broken }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DefinitionValidationError);
    expect((error as DefinitionValidationError).errors).toEqual([
      'Rule 2 "Dormant", condition 1: recency cannot be negative (got −3 days)',
      'Rule 5 "Power users", condition 2: between needs min ≤ max (got min 5, max 2)',
    ]);
    const unknownModel = await saveDefinition(database.db, DATASET, { modelId: "kmeans", name: "x", definition: {} }).catch((caught: unknown) => caught);
    expect((unknownModel as DefinitionValidationError).errors[0]).toBe(
      'Unknown model "kmeans"; expected one of "behavior-rules", "rfm", "lifecycle", "usage-tiers", "churn-risk", "engagement-score", "pql", "intent", "clusters"',
    );
    const list = await listDefinitions(database.db, DATASET);
    expect(list.definitions.map((saved) => [saved.modelId, saved.name, saved.history.map((version) => version.version)])).toEqual([
      ["behavior-rules", "Default", [2, 1]],
    ]);
  });

  it("versions each (model, name) on its own and lists them in model order", async () => {
    const rfm = await saveDefinition(database.db, DATASET, { modelId: "rfm", name: "Default", definition: DEFAULT_RFM });
    expect(rfm.version).toBe(1);
    await saveDefinition(database.db, DATASET, { modelId: "behavior-rules", name: "Aggressive", definition: looser });
    const all = await listDefinitions(database.db, DATASET);
    expect(all.definitions.map((saved) => [saved.modelId, saved.name, saved.latest.version])).toEqual([
      ["behavior-rules", "Aggressive", 1],
      ["behavior-rules", "Default", 2],
      ["rfm", "Default", 1],
    ]);
    const onlyRfm = await listDefinitions(database.db, DATASET, { modelId: "rfm" });
    expect(onlyRfm.definitions.map((saved) => saved.name)).toEqual(["Default"]);
  });

  it("names what is missing", async () => {
    await expect(getDefinitionVersion(database.db, DATASET, "behavior-rules", { name: "Default", version: 9 })).rejects.toThrow(
      'Dataset "definitions-fixture" has no version 9 of the behavior-rules definition "Default".',
    );
    await expect(getDefinitionVersion(database.db, DATASET, "pql", { name: "Default" })).rejects.toThrow(
      'Dataset "definitions-fixture" has no saved pql definition named "Default".',
    );
    await expect(listDefinitions(database.db, "nope")).rejects.toThrow('There is no dataset named "nope".');
  });

  it("keeps the saver's note beside the computed changes, and returns both when read back", async () => {
    const first = await saveDefinition(database.db, DATASET, { modelId: "behavior-rules", name: "With notes", definition: DEFAULT_BEHAVIOR_RULES });
    const second = await saveDefinition(database.db, DATASET, {
      modelId: "behavior-rules",
      name: "With notes",
      definition: looser,
      note: "  Sales wants more leads.\nAgreed in the Monday review.  ",
    });
    expect(first).toMatchObject({ version: 1, note: null, changes: ["First version"] });
    expect(second).toMatchObject({ version: 2, note: "Sales wants more leads.\nAgreed in the Monday review.", changes: ["Power users: sessionsPerWeek > 5 → > 4"] });
    expect(await getDefinitionVersion(database.db, DATASET, "behavior-rules", { name: "With notes", version: 2 })).toEqual(second);
    const list = await listDefinitions(database.db, DATASET, { modelId: "behavior-rules" });
    const history = list.definitions.find((definition) => definition.name === "With notes")!.history;
    expect(history.map((version) => [version.version, version.note, version.changes])).toEqual([
      [2, second.note, ["Power users: sessionsPerWeek > 5 → > 4"]],
      [1, null, ["First version"]],
    ]);
    // The column holds both, readable without Strata.
    const [row] = await database.db.query<{ change_note: string }>(
      `SELECT change_note FROM segment_definitions WHERE name = 'With notes' AND version = 2`,
    );
    expect(JSON.parse(row!.change_note)).toEqual({ note: second.note, changes: second.changes });
  });
});
