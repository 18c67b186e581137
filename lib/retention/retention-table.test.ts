import { describe, expect, it } from "vitest";
import { formatRetentionCell, retentionCsv } from "./retention-table";
import type { RetentionMatrix } from "./retention.types";

const matrix: RetentionMatrix = Object.freeze<RetentionMatrix>({
  dataset: "d",
  timezone: "UTC",
  kind: "events",
  cohort: "week",
  period: "week",
  periods: 1,
  mode: "n-period",
  asOf: "2026-03-16T00:00:00.000Z",
  asOfDay: "2026-03-15",
  definition: "…",
  cohorts: [
    { start: "2026-03-02", size: 3, cells: [{ period: 0, users: 3, percent: 100, state: "complete" }, { period: 1, users: 1, percent: 100 / 3, state: "complete" }] },
    { start: "2026-03-09", size: 0, cells: [{ period: 0, users: 0, percent: null, state: "complete" }, { period: 1, users: null, percent: null, state: "future" }] },
  ],
});

describe("retention table", () => {
  it("formats cells: percent, 0/0 dash, blank future, partial star", () => {
    expect(formatRetentionCell({ period: 1, users: 1, percent: 100 / 3, state: "complete" })).toBe("33.3%");
    expect(formatRetentionCell({ period: 0, users: 0, percent: null, state: "complete" })).toBe("—");
    expect(formatRetentionCell({ period: 2, users: null, percent: null, state: "future" })).toBe("");
    expect(formatRetentionCell({ period: 0, users: 2, percent: 50, state: "partial" })).toBe("50%*");
  });

  it("writes the matrix as CSV with empty future cells", () => {
    expect(retentionCsv(matrix)).toBe(
      "cohort_start,cohort_size,period_0_users,period_0_percent,period_0_state,period_1_users,period_1_percent,period_1_state\r\n" +
        "2026-03-02,3,3,100,complete,1,33.3333,complete\r\n" +
        "2026-03-09,0,0,,complete,,,future\r\n",
    );
  });
});
