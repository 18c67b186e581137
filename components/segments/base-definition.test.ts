import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOR_RULES } from "@/lib/definitions/behavior-rules";
import { HAND_MADE_CLUSTERS } from "@/lib/definitions/clusters-fixture";
import type { DefinitionVersion, SavedDefinition } from "@/lib/segments/segment-definitions.types";
import { newestSavedDefinition, resolveBaseDefinition } from "./base-definition";

function version(name: string, number: number, createdAt: string, definition: unknown = DEFAULT_BEHAVIOR_RULES): DefinitionVersion {
  return { id: number, modelId: "behavior-rules", name, version: number, definition, playbook: null, createdBy: "ana", createdAt, changes: [], note: null };
}
function saved(name: string, ...history: DefinitionVersion[]): SavedDefinition {
  return { modelId: "behavior-rules", name, latest: history[0]!, history };
}

const list = { failed: false, fetching: false };
const defaultV2 = saved("Default", version("Default", 2, "2026-11-25T10:00:00Z"), version("Default", 1, "2026-11-24T10:00:00Z"));

describe("resolveBaseDefinition", () => {
  it("uses the built-in default for def= and when nothing is saved", () => {
    expect(resolveBaseDefinition({ modelId: "behavior-rules", definitionName: null, definitionVersion: null }, undefined, list)).toMatchObject({ status: "ready", version: null });
    expect(resolveBaseDefinition({ modelId: "behavior-rules", definitionName: undefined, definitionVersion: null }, [], list)).toMatchObject({ status: "ready", version: null });
  });

  it("waits while the list loads, and while a newest definition is about to be picked", () => {
    expect(resolveBaseDefinition({ modelId: "behavior-rules", definitionName: "Default", definitionVersion: 2 }, undefined, list)).toEqual({ status: "loading" });
    expect(resolveBaseDefinition({ modelId: "behavior-rules", definitionName: undefined, definitionVersion: null }, [defaultV2], list)).toEqual({ status: "loading" });
  });

  it("finds a pinned version, or the latest without one", () => {
    const pinned = resolveBaseDefinition({ modelId: "behavior-rules", definitionName: "Default", definitionVersion: 1 }, [defaultV2], list);
    expect(pinned.status === "ready" && pinned.version?.version).toBe(1);
    const latest = resolveBaseDefinition({ modelId: "behavior-rules", definitionName: "Default", definitionVersion: null }, [defaultV2], list);
    expect(latest.status === "ready" && latest.version?.version).toBe(2);
  });

  it("says what is missing, unless the list is being refetched", () => {
    expect(resolveBaseDefinition({ modelId: "behavior-rules", definitionName: "Default", definitionVersion: 7 }, [defaultV2], list)).toEqual({
      status: "missing",
      message: "“Default” has no version 7; its latest is v2.",
    });
    expect(resolveBaseDefinition({ modelId: "behavior-rules", definitionName: "Q3", definitionVersion: null }, [defaultV2], { failed: false, fetching: true })).toEqual({
      status: "loading",
    });
  });

  it("falls back to the built-in default when the list cannot be read", () => {
    expect(resolveBaseDefinition({ modelId: "rfm", definitionName: "Default", definitionVersion: 1 }, undefined, { failed: true, fetching: false })).toMatchObject({
      status: "ready",
      saved: null,
    });
  });
});

describe("resolveBaseDefinition for the Clusters model (saved definitions only)", () => {
  const clustering = { ...saved("Planted", { ...version("Planted", 1, "2026-11-25T10:00:00Z", HAND_MADE_CLUSTERS), modelId: "clusters" }), modelId: "clusters" };

  it("has nothing to show before a clustering is saved, whether or not def= asks for the built-in", () => {
    expect(resolveBaseDefinition({ modelId: "clusters", definitionName: undefined, definitionVersion: null }, [], list)).toEqual({ status: "none" });
    expect(resolveBaseDefinition({ modelId: "clusters", definitionName: null, definitionVersion: null }, [], list)).toEqual({ status: "none" });
  });

  it("waits for the newest saved clustering to be picked, and then shows it", () => {
    expect(resolveBaseDefinition({ modelId: "clusters", definitionName: null, definitionVersion: null }, [clustering], list)).toEqual({ status: "loading" });
    const picked = resolveBaseDefinition({ modelId: "clusters", definitionName: "Planted", definitionVersion: 1 }, [clustering], list);
    expect(picked).toMatchObject({ status: "ready", definition: HAND_MADE_CLUSTERS, version: { version: 1 } });
  });

  it("cannot fall back to a built-in when the list cannot be read", () => {
    expect(resolveBaseDefinition({ modelId: "clusters", definitionName: "Planted", definitionVersion: null }, undefined, { failed: true, fetching: false })).toEqual({
      status: "missing",
      message: "The saved Clusters definitions could not be loaded, and this model has no built-in one.",
    });
  });
});

describe("newestSavedDefinition", () => {
  it("picks the definition saved most recently", () => {
    const q3 = saved("Q3", version("Q3", 1, "2026-11-25T12:00:00Z"));
    expect(newestSavedDefinition([defaultV2, q3])?.name).toBe("Q3");
    expect(newestSavedDefinition([])).toBeUndefined();
  });
});
