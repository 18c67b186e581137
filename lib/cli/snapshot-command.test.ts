import { describe, expect, it } from "vitest";
import { SegmentsRequestError } from "../segments/segment-errors";
import { formatSnapshotProgress, formatSnapshotResult, parseSnapshotArgs } from "./snapshot-command";

describe("parseSnapshotArgs", () => {
  it("reads the flags into a request with month as the default period", () => {
    expect(parseSnapshotArgs(["--dataset", "shop", "--definition", "Lifecycle", "--version", "3", "--json"])).toEqual({
      dataset: "shop",
      request: { definition: "Lifecycle", version: 3, period: "month" },
      json: true,
    });
    expect(parseSnapshotArgs(["--dataset", "shop", "--definition", "L", "--period", "week", "--from", "2026-01-01"]).request).toEqual({
      definition: "L",
      period: "week",
      from: "2026-01-01",
    });
  });

  it("names the bad flag", () => {
    expect(() => parseSnapshotArgs(["--definition", "L"])).toThrow("snapshot needs --dataset NAME.");
    expect(() => parseSnapshotArgs(["--dataset", "shop"])).toThrow(/--definition: definition \(a saved definition name\) is required/);
    expect(() => parseSnapshotArgs(["--dataset", "shop", "--definition", "L", "--period", "day"])).toThrow(SegmentsRequestError);
    expect(() => parseSnapshotArgs(["--dataset", "shop", "--definition", "L", "--version", "0"])).toThrow(/--version/);
  });
});

describe("formatting", () => {
  it("prints progress and a table of the snapshots", () => {
    expect(formatSnapshotProgress({ type: "progress", done: 2, total: 6, asOfDay: "2026-02-28", status: "taken" })).toBe("2/6 2026-02-28 taken");
    const snapshot = { id: 1, definitionName: "L", modelId: "lifecycle", definitionVersion: 2, period: "month" as const, asOf: "", segments: ["A"], createdAt: "" };
    const text = formatSnapshotResult({
      dataset: "shop",
      timezone: "UTC",
      definitionName: "L",
      modelId: "lifecycle",
      definitionVersion: 2,
      period: "month",
      taken: 1,
      alreadyTaken: 1,
      snapshots: [
        { ...snapshot, asOfDay: "2026-01-31", users: 1200, status: "already taken" },
        { ...snapshot, asOfDay: "2026-02-28", users: 1500, status: "taken" },
      ],
    });
    expect(text.split("\n")[0]).toBe("L v2 (lifecycle), month ends in UTC: 1 taken, 1 already taken");
    expect(text).toMatch(/2026-01-31\s+1,200\s+already taken/);
    expect(text).toMatch(/2026-02-28\s+1,500\s+taken/);
  });
});
