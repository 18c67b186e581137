import { describe, expect, it } from "vitest";
import { PURCHASE_EVENT as INGEST_PURCHASE_EVENT } from "../ingest/formats/transactions";
import { FEATURE_DEFINITIONS, featureParams, featureRefreshSql, PURCHASE_EVENT } from "./feature-sql";

describe("featureRefreshSql", () => {
  it("depends only on the scope and the number of trait keys, never on values", () => {
    const text = featureRefreshSql("dataset", 4);
    expect(featureRefreshSql("dataset", 4)).toBe(text);
    expect(text).toContain("$14::text"); // 4th trait key: $11 + 3
    expect(text).not.toContain("$15");
    expect(featureRefreshSql("listed_users", 4)).toContain("feature_refresh_users");
    expect(text).not.toContain("feature_refresh_users");
  });

  it("writes into another table without touching the profiles when told to", () => {
    const snapshot = featureRefreshSql("dataset", 3, { into: "snapshot_features" });
    expect(snapshot).toContain("INSERT INTO snapshot_features (");
    expect(snapshot).not.toContain("user_profiles");
    expect(snapshot).not.toContain("INSERT INTO user_features");
    // The default still writes user_features and upserts profiles.
    expect(featureRefreshSql("dataset", 3)).toContain("INSERT INTO user_profiles");
    expect(() => featureRefreshSql("dataset", 3, { into: "x; DROP TABLE events" })).toThrow(RangeError);
  });

  it("refuses fewer than the three fixed traits or more than 32", () => {
    expect(() => featureRefreshSql("dataset", 2)).toThrow(RangeError);
    expect(() => featureRefreshSql("dataset", 33)).toThrow(RangeError);
  });

  it("binds values in the documented order", () => {
    const params = featureParams({
      datasetId: 7,
      asOf: new Date("2026-04-01T00:00:00Z"),
      asOfDay: "2026-03-31",
      timezone: "UTC",
      sessionTimeoutMinutes: 30,
      signupEvent: "signup",
      conversionEvent: "upgrade",
      cancelEvent: null,
      coreFeatures: ["a"],
      frequencyEvent: null,
      activationEvent: "onboarded",
      traitKeys: ["channel", "plan", "country", "team_size"],
    });
    expect(params).toEqual([7, new Date("2026-04-01T00:00:00Z"), "2026-03-31", 30, "signup", "upgrade", null, ["a"], null, "onboarded", "channel", "plan", "country", "team_size"]);
  });
});

describe("definitions", () => {
  it("counts the same purchase event the transactions ingest format writes", () => {
    expect(PURCHASE_EVENT).toBe(INGEST_PURCHASE_EVENT);
  });

  it("has one definition per column, each a sentence", () => {
    const columns = FEATURE_DEFINITIONS.map((d) => d.column);
    expect(new Set(columns).size).toBe(columns.length);
    for (const definition of FEATURE_DEFINITIONS) expect(definition.definition).toMatch(/^[A-Z].*\.$/);
  });
});
