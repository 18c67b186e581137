import { expect, test, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * Retention curves by segment, end to end, on a tiny Asia/Shanghai (UTC+8)
 * dataset worked out by hand. Weekly periods (ISO weeks, Monday start, local).
 *
 *   user  channel  events (UTC → local)                                  first week  active weeks  weeks ended (as-of day Mon 03-23)
 *   a1    ads      03-01 17:30Z → Mon 03-02 01:30; 03-09; 03-16          03-02       0, 1, 2       0, 1, 2
 *   a2    ads      03-10; 03-15 16:00Z → Mon 03-16 00:00 (UTC: Sunday)   03-09       0, 1          0, 1
 *   o1    organic  03-03; 03-17                                          03-02       0, 2          0, 1, 2
 *   o2    organic  03-17                                                 03-16       0             0
 *   o3    organic  03-23 01:00Z → Mon 03-23 09:00 (the last event)       03-23       0             none (week under way)
 *
 * As-of = end of local 03-23, so a point counts only users whose week N ended by then (n):
 *   Everyone (5 users)  week 0: 4/4 = 100.0%   week 1: 2/3 = 66.7%   week 2: 2/2 = 100.0%   week 3+: n = 0 → "—"
 *   organic  (3 users)  week 0: 2/2 = 100.0%   week 1: 0/1 = 0.0%    week 2: 1/1 = 100.0%
 *   ads      (2 users)  week 0: 2/2 = 100.0%   week 1: 2/2 = 100.0%  week 2: 1/1 = 100.0%
 * Unbounded: organic week 1 = o1 active later → 1/1; Everyone week 1 → 3/3.
 * Saved definition "Frequency" (Frequent = frequency ≥ 3 → a1 only; Rare = the rest):
 *   Frequent week 1: 1/1 = 100.0%; Rare week 0: 3/3, week 1: 1/2 = 50.0% (a2 yes, o1 no).
 */
const EVENTS = [
  ["a1", "2026-03-01T17:30:00Z", "ads"],
  ["a1", "2026-03-09T02:00:00Z", "ads"],
  ["a1", "2026-03-16T02:00:00Z", "ads"],
  ["a2", "2026-03-10T02:00:00Z", "ads"],
  ["a2", "2026-03-15T16:00:00Z", "ads"],
  ["o1", "2026-03-03T02:00:00Z", "organic"],
  ["o1", "2026-03-17T02:00:00Z", "organic"],
  ["o2", "2026-03-17T02:00:00Z", "organic"],
  ["o3", "2026-03-23T01:00:00Z", "organic"],
] as const;

const datasetName = `curves-${Date.now().toString(36)}`;

async function cells(page: Page, series: string, count: number): Promise<string[]> {
  const row = page.locator(`[data-testid="curve-row"][data-series="${series}"]`);
  const texts = await row.getByTestId("curve-cell").allInnerTexts();
  return texts.slice(0, count).map((text) => text.replace(/\s+/g, " ").trim());
}

interface ApiCurves {
  asOfDay: string;
  series: { name: string; size: number; points: { users: number; eligible: number; percent: number | null }[] }[];
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  const csv = `user_id,event_name,timestamp,channel\n${EVENTS.map(([user, ts, channel]) => `${user},login,${ts},${channel}`).join("\n")}\n`;
  const report = await ingestCsv(request, datasetName, csv, { fileName: "curves.csv", timezone: "Asia/Shanghai" });
  expect(report.featureRefresh?.users).toBe(5);
  const saved = await request.post(`/api/datasets/${datasetName}/definitions`, {
    data: {
      modelId: "behavior-rules",
      name: "Frequency",
      definition: { rules: [{ name: "Frequent", match: "all", conditions: [{ feature: "frequency", operator: ">=", value: 3 }] }], fallback: "Rare" },
    },
  });
  expect(saved.status()).toBe(201);
});

test("retention curves by channel show hand-computed points that match the API", async ({ page, request }) => {
  await page.goto(`/datasets/${datasetName}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Retention" }).click();
  const card = page.getByTestId("retention-curves");
  await expect(card).toHaveAttribute("data-status", "ready");
  // The chart sits above the matrix, one line per series, the overall one dashed.
  const cardBox = (await card.boundingBox())!;
  const matrixBox = (await page.getByTestId("retention-row").first().boundingBox())!;
  expect(cardBox.y).toBeLessThan(matrixBox.y);
  await expect(card.locator(".recharts-line")).toHaveCount(3);
  await expect(card.locator(".recharts-line-curve[stroke-dasharray='6 4']")).toHaveCount(1);
  await expect(card.locator(".recharts-legend-wrapper")).toContainText("Everyone (overall)");
  await expect(card).toContainText("% of users active");
  await expect(card).toContainText("weeks since first seen");

  // Tooltip: % and n of every series at the hovered week.
  const plot = (await card.locator(".recharts-cartesian-grid").boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 12, plot.y + plot.height / 2); // week 1 of 0..12
  const tooltip = card.getByTestId("curves-tooltip");
  await expect(tooltip).toContainText("week 1 since first seen");
  await expect(tooltip).toContainText("66.7%");
  await expect(tooltip).toContainText("n = 3");
  await expect(tooltip).toContainText("2 of 3 users overall");
  await page.screenshot({ path: "test-results/screens/retention-curves-chart.png", fullPage: true });

  await card.getByText("View as table").click();
  expect(await cells(page, "Everyone", 4)).toEqual(["100.0% n=4", "66.7% n=3", "100.0% n=2", "— n=0"]);
  expect(await cells(page, "organic", 3)).toEqual(["100.0% n=2", "0.0% n=1", "100.0% n=1"]);
  expect(await cells(page, "ads", 3)).toEqual(["100.0% n=2", "100.0% n=2", "100.0% n=1"]);

  const api = (await (await request.get(`/api/datasets/${datasetName}/retention/curves?groupBy=channel&period=week&periods=12&mode=n-period`)).json()) as ApiCurves;
  expect(api.asOfDay).toBe("2026-03-23");
  expect(api.series.map((series) => [series.name, series.size])).toEqual([
    ["Everyone", 5],
    ["organic", 3],
    ["ads", 2],
  ]);
  for (const series of api.series) {
    const row = page.locator(`[data-testid="curve-row"][data-series="${series.name}"]`);
    const shown = await row.getByTestId("curve-cell").evaluateAll((tds) => tds.map((td) => `${td.getAttribute("data-users")}/${td.getAttribute("data-eligible")}`));
    expect(shown).toEqual(series.points.map((point) => `${point.users}/${point.eligible}`));
  }
  // The parts add up: organic n + ads n = Everyone n at every week.
  api.series[0]!.points.forEach((point, n) => expect(api.series[1]!.points[n]!.eligible + api.series[2]!.points[n]!.eligible).toBe(point.eligible));

  await card.getByLabel(/^Curve/).selectOption("unbounded");
  await expect(page).toHaveURL(/mode=unbounded/);
  await expect.poll(() => cells(page, "organic", 2)).toEqual(["100.0% n=2", "100.0% n=1"]);
  expect(await cells(page, "Everyone", 2)).toEqual(["100.0% n=4", "100.0% n=3"]);
});

test("splitting by a saved definition's segments, kept in the URL", async ({ page }) => {
  await page.goto(`/datasets/${datasetName}/retention`);
  const card = page.getByTestId("retention-curves");
  await card.getByLabel("Split by").selectOption({ label: "Frequency (v1)" });
  await expect(page).toHaveURL(/groupBy=segment%3AFrequency/);
  await card.getByText("View as table").click();
  await expect.poll(() => cells(page, "Frequent", 2)).toEqual(["100.0% n=1", "100.0% n=1"]);
  expect(await cells(page, "Rare", 2)).toEqual(["100.0% n=3", "50.0% n=2"]);
  await expect(card.getByTestId("curves-footer")).toContainText("segments of Frequency v1 (definition version 1)");

  await page.reload();
  await expect(page.getByTestId("retention-curves").getByLabel("Split by")).toHaveValue("segment:Frequency");
  await page.getByTestId("retention-curves").getByText("View as table").click();
  await expect.poll(() => cells(page, "Rare", 2)).toEqual(["100.0% n=3", "50.0% n=2"]);
});
