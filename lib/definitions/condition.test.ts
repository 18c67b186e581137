import { describe, expect, it } from "vitest";
import {
  comparisonInterval,
  describeEventCondition,
  describeFeatureCondition,
  eventConditionProblem,
  featureConditionProblem,
  nextDown,
  nextUp,
} from "./condition";

describe("nextUp / nextDown", () => {
  it("steps to the neighbouring double", () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON); // the gap above 1 is 2^-52
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2); // below 1 the gap halves
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("comparisonInterval", () => {
  it("turns every operator into one closed interval", () => {
    expect(comparisonInterval({ operator: ">=", value: 3 })).toEqual({ lo: 3, hi: Infinity });
    expect(comparisonInterval({ operator: ">", value: 5 })).toEqual({ lo: nextUp(5), hi: Infinity });
    expect(comparisonInterval({ operator: "<", value: 7 })).toEqual({ lo: -Infinity, hi: nextDown(7) });
    expect(comparisonInterval({ operator: "<=", value: 7 })).toEqual({ lo: -Infinity, hi: 7 });
    expect(comparisonInterval({ operator: "=", value: 1 })).toEqual({ lo: 1, hi: 1 });
    expect(comparisonInterval({ operator: "between", min: 2, max: 4 })).toEqual({ lo: 2, hi: 4 });
  });

  it("snaps to whole numbers for integer features", () => {
    // > 5 on integers is ≥ 6; < 7 is ≤ 6; = 2.5 matches no integer (empty: lo 3 > hi 2)
    expect(comparisonInterval({ operator: ">", value: 5 }, true)).toEqual({ lo: 6, hi: Infinity });
    expect(comparisonInterval({ operator: "<", value: 7 }, true)).toEqual({ lo: -Infinity, hi: 6 });
    expect(comparisonInterval({ operator: ">", value: 5.5 }, true)).toEqual({ lo: 6, hi: Infinity });
    expect(comparisonInterval({ operator: "=", value: 2.5 }, true)).toEqual({ lo: 3, hi: 2 });
  });
});

describe("describeFeatureCondition", () => {
  it("phrases conditions the way a practitioner writes them", () => {
    expect(describeFeatureCondition({ feature: "sessionsPerWeek", operator: ">", value: 5 })).toBe("> 5 sessions/week");
    expect(describeFeatureCondition({ feature: "coreFeaturesUsed", operator: ">=", value: 3 })).toBe("≥ 3 core features");
    expect(describeFeatureCondition({ feature: "coreFeaturesUsed", operator: ">=", value: 1 })).toBe("≥ 1 core feature");
    expect(describeFeatureCondition({ feature: "recencyDays", operator: ">=", value: 45 })).toBe("recency ≥ 45 days");
    expect(describeFeatureCondition({ feature: "recencyDays", operator: "between", min: 30, max: 59 })).toBe("recency between 30 and 59 days");
    expect(describeFeatureCondition({ feature: "ageDays", operator: "<", value: 7 })).toBe("first seen < 7 days ago");
    expect(describeFeatureCondition({ feature: "sessionsTotal", operator: "=", value: 1 })).toBe("exactly 1 session in total");
    expect(describeFeatureCondition({ feature: "activeDays30d", operator: ">=", value: 8 })).toBe("≥ 8 active days in the last 30");
    expect(describeFeatureCondition({ feature: "activity30dVsBaseline", operator: "<", value: 0.5 })).toBe(
      "last-30-day activity vs baseline < 0.5×",
    );
    expect(describeFeatureCondition({ feature: "monetary", operator: ">=", value: 1500 })).toBe("monetary value ≥ 1,500");
  });

  it("reads flags as yes/no", () => {
    expect(describeFeatureCondition({ feature: "cancelled", operator: "=", value: 1 })).toBe("cancelled");
    expect(describeFeatureCondition({ feature: "cancelled", operator: ">", value: 0 })).toBe("cancelled");
    expect(describeFeatureCondition({ feature: "converted", operator: "=", value: 0 })).toBe("not converted");
    expect(describeFeatureCondition({ feature: "converted", operator: "<", value: 1 })).toBe("not converted");
  });

  it("phrases event counts", () => {
    expect(describeEventCondition({ event: "invite_teammate", operator: ">=", value: 1 })).toBe("did “invite_teammate”");
    expect(describeEventCondition({ event: "view_pricing", operator: ">=", value: 3 })).toBe("“view_pricing” ≥ 3 times");
    expect(describeEventCondition({ event: "view_pricing", operator: "=", value: 0 })).toBe("never did “view_pricing”");
  });
});

describe("condition problems", () => {
  it("rejects negative days and counts, min > max, and flags other than 0/1", () => {
    expect(featureConditionProblem({ feature: "recencyDays", operator: ">=", value: -5 })).toBe(
      "recency cannot be negative (got −5 days)",
    );
    expect(featureConditionProblem({ feature: "coreFeaturesUsed", operator: "<", value: -1 })).toBe(
      "core features used cannot be negative (got −1)",
    );
    expect(featureConditionProblem({ feature: "recencyDays", operator: "between", min: 60, max: 30 })).toBe(
      "between needs min ≤ max (got min 60, max 30)",
    );
    expect(featureConditionProblem({ feature: "cancelled", operator: "=", value: 2 })).toBe(
      "cancelled is a yes/no flag: compare it with 0 or 1 (got 2)",
    );
    expect(featureConditionProblem({ feature: "monetary", operator: "<", value: -10 })).toBeNull(); // refunds can make it negative
    expect(featureConditionProblem({ feature: "recencyDays", operator: ">=", value: 30 })).toBeNull();
    expect(eventConditionProblem({ event: "x", operator: ">=", value: -1 })).toBe("an event count cannot be negative (got −1)");
  });
});
