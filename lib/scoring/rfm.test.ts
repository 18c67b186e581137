import { describe, expect, it } from "vitest";
import { DEFAULT_RFM } from "../definitions/rfm";
import { fromRows } from "./feature-store";
import { dimensionFilterMask } from "./filter-mask";
import { scoreRfm } from "./rfm";
import { featureRow } from "./test-feature-rows";

/*
 * Six users with ties in every dimension. n = 6, so percent rank = (rank − 1) / 5.
 *
 *   user  recency  frequency  monetary  channel
 *   A        1        10        500     ads
 *   B        1         3         50     ads
 *   C        5         3        120     organic
 *   D       10         7        300     referral
 *   E       10         1         20     referral
 *   F       40         3         80     referral
 *
 * Recency, ranked DESC (more days = worse = ranked first):
 *   F 40 → rank 1 → 0;  D, E 10 → rank 2 → 0.2;  C 5 → rank 4 → 0.6;  A, B 1 → rank 5 → 0.8
 * Frequency, ASC:  E 1 → 0;  B, C, F 3 → rank 2 → 0.2;  D 7 → rank 5 → 0.8;  A 10 → rank 6 → 1
 * Monetary, ASC:   E 0, B 0.2, F 0.4, C 0.6, D 0.8, A 1
 *
 * Scores with cut points 0.2 / 0.4 / 0.6 / 0.8 (score = 1 + cut points reached):
 *   R: A 5, B 5, C 4 (0.6 reaches 0.2, 0.4, 0.6), D 2, E 2, F 1
 *   F: A 5, B 2, C 2, D 5, E 1, F 2
 *   M: A 5, B 2, C 4, D 5, E 1, F 3
 * Segments, grid[R − 1][F − 1]:
 *   A R5 F5 Champions · B R5 F2 Potential Loyalists · C R4 F2 Potential Loyalists
 *   D R2 F5 Can't Lose Them · E R2 F1 Hibernating · F R1 F2 Hibernating
 */
const rows = [
  featureRow("A", { recencyDays: 1, frequency: 10, monetary: 500, channel: "ads" }),
  featureRow("B", { recencyDays: 1, frequency: 3, monetary: 50, channel: "ads" }),
  featureRow("C", { recencyDays: 5, frequency: 3, monetary: 120, channel: "organic" }),
  featureRow("D", { recencyDays: 10, frequency: 7, monetary: 300, channel: "referral" }),
  featureRow("E", { recencyDays: 10, frequency: 1, monetary: 20, channel: "referral" }),
  featureRow("F", { recencyDays: 40, frequency: 3, monetary: 80, channel: "referral" }),
];
const store = fromRows(Object.freeze(rows));
const segmentOf = (result: { labels: Uint16Array; segments: string[] }) => [...result.labels].map((label) => result.segments[label]);

describe("scoreRfm, percentile mode", () => {
  it("matches the hand-computed scores and segments", () => {
    const result = scoreRfm(store, DEFAULT_RFM);
    expect([...result.recencyScores]).toEqual([5, 5, 4, 2, 2, 1]);
    expect([...result.frequencyScores]).toEqual([5, 2, 2, 5, 1, 2]);
    expect([...result.monetaryScores]).toEqual([5, 2, 4, 5, 1, 3]);
    expect([...result.scores]).toEqual([555, 522, 424, 255, 211, 123]);
    expect(segmentOf(result)).toEqual([
      "Champions",
      "Potential Loyalists",
      "Potential Loyalists",
      "Can't Lose Them",
      "Hibernating",
      "Hibernating",
    ]);
    expect(result.segments).toEqual([...DEFAULT_RFM.segments, "Not scored"]);
    expect(result.warnings).toEqual([]);
  });

  it("re-scores from the cached ranks when only the cut points move", () => {
    /*
     * Cut points 0.25 / 0.5 / 0.75 / 0.9, same percent ranks as above:
     *   R: F 0 → 1, D/E 0.2 → 1, C 0.6 → 3, A/B 0.8 → 4
     *   F: E 0 → 1, B/C/F 0.2 → 1, D 0.8 → 4, A 1 → 5
     *   A R4 F5 Loyal Customers · B R4 F1 Promising · C R3 F1 About to Sleep
     *   D R1 F4 At Risk · E R1 F1 Lost · F R1 F1 Lost
     */
    const result = scoreRfm(store, { ...DEFAULT_RFM, percentileCutPoints: [0.25, 0.5, 0.75, 0.9] });
    expect([...result.recencyScores]).toEqual([4, 4, 3, 1, 1, 1]);
    expect([...result.frequencyScores]).toEqual([5, 1, 1, 4, 1, 1]);
    expect(segmentOf(result)).toEqual(["Loyal Customers", "Promising", "About to Sleep", "At Risk", "Lost", "Lost"]);
  });

  it("ranks the whole population: a filter chooses whom you see, not the scores", () => {
    const referral = dimensionFilterMask(store, { channel: ["referral"] });
    expect([...referral]).toEqual([0, 0, 0, 1, 1, 1]);
    const filtered = scoreRfm(store, DEFAULT_RFM, { filterMask: referral });
    expect([...filtered.scores]).toEqual([555, 522, 424, 255, 211, 123]);
  });

  it("ranks inside the filtered group only when asked to", () => {
    /*
     * Referral users D, E, F; n = 3, percent rank = (rank − 1) / 2.
     *   Recency DESC: F 40 → 0; D, E 10 → rank 2 → 0.5  → R: F 1, D 3, E 3
     *   Frequency ASC: E 1 → 0; F 3 → 0.5; D 7 → 1      → F: E 1, F 3, D 5
     *   D R3 F5 Loyal Customers · E R3 F1 About to Sleep · F R1 F3 At Risk
     * Users outside the group are not ranked: "Not scored".
     */
    const referral = dimensionFilterMask(store, { channel: ["referral"] });
    const result = scoreRfm(store, { ...DEFAULT_RFM, rankScope: "filtered" }, { filterMask: referral });
    expect(segmentOf(result)).toEqual(["Not scored", "Not scored", "Not scored", "Loyal Customers", "About to Sleep", "At Risk"]);
  });

  it("scores a single user 1 (PERCENT_RANK of one row is 0) and puts missing values in Not scored", () => {
    const single = scoreRfm(fromRows([featureRow("only", { recencyDays: 3, frequency: 4, monetary: 9 })]), DEFAULT_RFM);
    expect(segmentOf(single)).toEqual(["Lost"]);
    const withNull = scoreRfm(
      fromRows([featureRow("a", { recencyDays: 3, frequency: 4 }), featureRow("b", { recencyDays: Number.NaN, frequency: 4 })]),
      DEFAULT_RFM,
    );
    expect(segmentOf(withNull)).toEqual(["Lost", "Not scored"]);
    expect(withNull.warnings).toEqual(["1 user has no recency or frequency value and is in “Not scored”"]);
  });
});

describe("scoreRfm, threshold mode", () => {
  it("scores against the fixed numbers", () => {
    /*
     * recencyDaysAtMost 180 / 90 / 30 / 7: A 1, B 1, C 5 → 5; D, E 10 → 4; F 40 → 3
     * frequencyAtLeast 2 / 3 / 5 / 10:   A 10 → 5; B, C, F 3 → 3; D 7 → 4; E 1 → 1
     * monetaryAtLeast 50 / 100 / 250 / 500: A 500 → 5; B 50 → 2; C 120 → 3; D 300 → 4; E 20 → 1; F 80 → 2
     */
    const result = scoreRfm(store, { ...DEFAULT_RFM, mode: "threshold" });
    expect([...result.recencyScores]).toEqual([5, 5, 5, 4, 4, 3]);
    expect([...result.frequencyScores]).toEqual([5, 3, 3, 4, 1, 3]);
    expect([...result.monetaryScores]).toEqual([5, 2, 3, 4, 1, 2]);
    expect(segmentOf(result)).toEqual([
      "Champions",
      "Potential Loyalists",
      "Potential Loyalists",
      "Loyal Customers",
      "Promising",
      "Need Attention",
    ]);
  });
});
