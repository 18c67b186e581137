import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { loadDailyAndRareReportDataset } from "./report-fixture";
import { buildReport } from "./build-report";
import { reportChartTables } from "./report-tables";
import { renderHtml } from "./render-html";
import { renderMarkdown } from "./render-markdown";

/**
 * 100 users (first seen 100 days ago): 40 daily users who never converted
 * (frequency 50) and 60 rare ones (frequency 2) of whom 30 converted.
 * Definition "Usage": "Daily <heavy> | users" = frequency ≥ 10, else "Rare".
 *   Daily: 40% — 7 days a week (30 active days of 30), 0% converted vs 30% → upsell (monetization)
 *   Rare: 60%, conversion 50% (1.67×, below the 2× fast-track), no other rule holds (recency 0, sessions/week 0)
 */
const DAILY = "Daily <heavy> | users";

describe.each(testEngines())("buildReport ($name)", (engine) => {
  let database: TestDatabase;
  const DATASET = "report-test";

  beforeAll(async () => {
    database = await engine.open();
    await loadDailyAndRareReportDataset(database.db, DATASET, { dailyName: DAILY, playbook: { [DAILY]: "Offer the team plan" } });
  });
  afterAll(() => database.close());

  it("puts the segment table and the triggered recommendations of the latest saved definition in the report", async () => {
    const report = await buildReport(database.db, DATASET, { now: new Date("2026-07-01T09:30:00Z") });
    expect(report.segments).toMatchObject({ definitionName: "Usage", definitionVersion: 1, totalUsers: 100, asOfDay: "2026-06-29" });
    expect(report.segments.segments.map((s) => [s.name, s.users, s.percent, s.suggestedAction])).toEqual([
      [DAILY, 40, 40, "Offer the team plan"],
      ["Rare", 60, 60, null],
    ]);
    expect(report.recommendations.map((r) => [r.ruleId, r.segment, r.finding])).toEqual([
      ["upsell-engaged-non-payers", DAILY, `${DAILY} uses the product 7 days a week, yet only 0% converted (everyone: 30%)`],
    ]);
  });

  it("renders Markdown with escaped table cells", async () => {
    const markdown = renderMarkdown(await buildReport(database.db, DATASET, { definition: "Usage@1", now: new Date("2026-07-01T09:30:00Z") }));
    expect(markdown).toContain("# Segmentation report — report-test");
    expect(markdown).toContain("100 users, data as of 2026-06-29 (end of day, UTC); segments from Usage v1 (behavior-rules); generated 2026-07-01 09:30 UTC.");
    expect(markdown).toContain("| Segment | Criteria | % of users | Behavior notes | Suggested action |");
    expect(markdown).toContain("| Daily &lt;heavy> \\| users | frequency ≥ 10 | 40% (40) |");
    expect(markdown).toContain("### Monetization levers");
    expect(markdown).toContain("→ **Targeted upsell: show the paid plan where these users hit its limits** _(for Product, Sales)_");
  });

  it("renders standalone HTML with every data string escaped", async () => {
    const html = renderHtml(await buildReport(database.db, DATASET, {}));
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<td>Daily &lt;heavy&gt; | users</td>");
    expect(html).not.toContain("<heavy>");
    expect(html).not.toContain("<script");
  });

  it("adds the charts as tables, with a note where a chart has nothing to draw", async () => {
    const report = await buildReport(database.db, DATASET, { tables: reportChartTables });
    expect(report.tables.map((table) => [table.id, table.note])).toEqual([
      ["retention-curves", "No activity before the as-of date."],
      ["funnel-cohorts", "A funnel needs at least two event names in the data."],
      ["rfm-grid", null],
    ]);
    // Every one of the 100 users is in one RFM cell: the 25 cells add up.
    const rfm = report.tables[2]!;
    const users = rfm.rows.flatMap((row) => row.slice(1).map((cell) => Number(cell.split(" ")[0]!.replace(/,/g, ""))));
    expect(users).toHaveLength(25);
    expect(users.reduce((sum, value) => sum + value, 0)).toBe(100);
    expect(rfm.columns).toEqual(["Recency \\ Frequency", "F1", "F2", "F3", "F4", "F5"]);
  });

  it("says which definition is missing", async () => {
    await expect(buildReport(database.db, DATASET, { definition: "Nope" })).rejects.toThrow('Dataset "report-test" has no saved segment definition named "Nope".');
  });
});
