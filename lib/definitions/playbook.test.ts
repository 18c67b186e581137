import { describe, expect, it } from "vitest";
import { MODELS, BUILT_IN_MODEL_IDS } from "./models";
import { DEFAULT_PLAYBOOK, PlaybookSchema, suggestedAction } from "./playbook";

describe("playbook", () => {
  it("has an action for every segment of every default definition", () => {
    const missing = BUILT_IN_MODEL_IDS.flatMap((id) =>
      (MODELS[id].describeCriteria as (definition: unknown) => { segment: string }[])(MODELS[id].defaultDefinition)
        .map((entry) => entry.segment)
        .filter((segment) => segment !== "Not scored" && suggestedAction(DEFAULT_PLAYBOOK, segment) === null)
        .map((segment) => `${id}: ${segment}`),
    );
    expect(missing).toEqual([]);
  });

  it("suggests the examples of the brief", () => {
    expect(suggestedAction(DEFAULT_PLAYBOOK, "Power users")).toBe("Invite to beta + upsell");
    expect(suggestedAction(DEFAULT_PLAYBOOK, "Dormant")).toBe("Trigger re-engagement campaign");
  });

  it("matches names exactly first, then ignoring case", () => {
    expect(suggestedAction(DEFAULT_PLAYBOOK, "At risk")).toBe("Check in and offer help before they go dormant");
    expect(suggestedAction(DEFAULT_PLAYBOOK, "At Risk")).toBe("Personalised emails to reconnect; renewal offers");
    expect(suggestedAction(DEFAULT_PLAYBOOK, " power USERS ")).toBe("Invite to beta + upsell");
    expect(suggestedAction(DEFAULT_PLAYBOOK, "Unknown")).toBeNull();
  });

  it("is editable data validated by its schema", () => {
    expect(PlaybookSchema.safeParse(DEFAULT_PLAYBOOK).success).toBe(true);
    expect(PlaybookSchema.safeParse({ "Power users": "" }).success).toBe(false);
  });
});
