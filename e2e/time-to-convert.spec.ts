import { expect, test, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * Time to convert, end to end, on a tiny Asia/Shanghai (UTC+8) dataset worked
 * out by hand. Settings: signup event "signup", conversion event "upgrade".
 * The last event is 2026-03-11T00:00Z = local 03-11 08:00, so as-of = local
 * 03-12 00:00 = 2026-03-11T16:00Z. Days are 24-hour days from the start.
 *
 *   user  channel  events                                                start             converted (days)   observed (days)
 *   s1    ads      page_view 03-01 (before signup), signup 03-03,        signup 03-03      2.5 → by day 3      8.67 → 8
 *                  upgrade 03-05 12:00
 *   s2    ads      signup + upgrade 03-01 00:00 (same instant)           signup 03-01      0 → day 0           10.67 → 10
 *   s3    organic  signup 03-04 16:00                                    signup            never               exactly 7
 *   s4    organic  upgrade 03-02, signup 03-03 (converted before signup) signup 03-03      −1 → day 0          8.67 → 8
 *   s5    organic  page_view 03-06 06:00, upgrade 03-09 06:00 (no signup) first seen        3 → by day 3        5.42 → 5
 *   s6    organic  signup 03-10 23:00, upgrade 03-11 00:00               signup            1/24 → by day 1     0.71 → 0
 *
 * Day d counts users observed ≥ d days (n); converted = converted within d days:
 *   Everyone  d0 2/6 33.3%  d1 2/5 40.0%  d3 4/5 80.0%  d6 3/4 75.0%  d7 3/4 75.0% (s3 in at exactly 7)  d8 3/3 100.0%
 *   organic   d0 1/4 25.0%  d1 1/3 33.3%  d3 2/3 66.7%  d6 1/2 50.0%  d8 1/1 100.0%  d9 n = 0 → "—"
 *   ads       d0 1/2 50.0%  d3 2/2 100.0%
 * Converters' days 0, 0, 1/24, 2.5, 3 → quartiles 0 / 0.04 / 2.5 → "Half of conversions happen in days 0–3 after
 * signup (median 0.0 days, 5 converters)." ads median (0 + 2.5) / 2 = 1.25 → "1.3 days".
 */
const EVENTS = [
  ["s1", "page_view", "2026-03-01T00:00:00Z", "ads"],
  ["s1", "signup", "2026-03-03T00:00:00Z", "ads"],
  ["s1", "upgrade", "2026-03-05T12:00:00Z", "ads"],
  ["s2", "signup", "2026-03-01T00:00:00Z", "ads"],
  ["s2", "upgrade", "2026-03-01T00:00:00Z", "ads"],
  ["s3", "signup", "2026-03-04T16:00:00Z", "organic"],
  ["s4", "upgrade", "2026-03-02T00:00:00Z", "organic"],
  ["s4", "signup", "2026-03-03T00:00:00Z", "organic"],
  ["s5", "page_view", "2026-03-06T06:00:00Z", "organic"],
  ["s5", "upgrade", "2026-03-09T06:00:00Z", "organic"],
  ["s6", "signup", "2026-03-10T23:00:00Z", "organic"],
  ["s6", "upgrade", "2026-03-11T00:00:00Z", "organic"],
] as const;

const datasetName = `ttc-${Date.now().toString(36)}`;

async function cell(page: Page, series: string, day: number): Promise<string> {
  const text = await page.locator(`[data-testid="convert-row"][data-series="${series}"] [data-testid="convert-cell"][data-day="${day}"]`).innerText();
  return text.replace(/\s+/g, " ").trim();
}

interface ApiResult {
  asOf: string;
  summary: string | null;
  series: { name: string; converters: number; medianDays: number | null; points: { day: number; converted: number; eligible: number }[] }[];
}

test.beforeAll(async ({ request }) => {
  const csv = `user_id,event_name,timestamp,channel\n${EVENTS.map((event) => event.join(",")).join("\n")}\n`;
  await ingestCsv(request, datasetName, csv, { fileName: "ttc.csv", timezone: "Asia/Shanghai" });
  const settings = await request.patch(`/api/datasets/${datasetName}`, { data: { signupEvent: "signup", conversionEvent: "upgrade" }, timeout: 60_000 });
  expect(settings.ok()).toBe(true);
});

test("time to convert shows hand-computed cumulative conversion that matches the API", async ({ page, request }) => {
  await page.goto(`/datasets/${datasetName}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Conversion" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}/conversion$`));
  const card = page.getByTestId("time-to-convert");
  await expect(card).toHaveAttribute("data-status", "ready");
  await card.getByLabel("Days").fill("10");
  await expect(page).toHaveURL(/days=10/);
  await expect(card.locator(".recharts-line")).toHaveCount(3);
  await expect(card.locator(".recharts-line-curve[stroke-dasharray='6 4']")).toHaveCount(1);
  await expect(card).toContainText("% converted");
  await expect(card).toContainText("days since signup");
  await expect(page.getByTestId("convert-summary")).toHaveText("Half of conversions happen in days 0–3 after signup (median 0.0 days, 5 converters).");

  // Tooltip at day 3 (x axis 0..10).
  const plot = (await card.locator(".recharts-cartesian-grid").boundingBox())!;
  await page.mouse.move(plot.x + (plot.width * 3) / 10, plot.y + plot.height / 2);
  const tooltip = card.getByTestId("convert-tooltip");
  await expect(tooltip).toContainText("Within 3 days of signup");
  await expect(tooltip).toContainText("80.0%");
  await expect(tooltip).toContainText("4 of 5 users converted overall");
  await page.screenshot({ path: "test-results/screens/time-to-convert-chart.png", fullPage: true });

  await card.getByText("View as table").click();
  const everyone = await Promise.all([0, 1, 3, 6, 7, 8].map((day) => cell(page, "Everyone", day)));
  expect(everyone).toEqual(["33.3% n=6", "40.0% n=5", "80.0% n=5", "75.0% n=4", "75.0% n=4", "100.0% n=3"]);
  const organic = await Promise.all([0, 1, 3, 6, 8, 9].map((day) => cell(page, "organic", day)));
  expect(organic).toEqual(["25.0% n=4", "33.3% n=3", "66.7% n=3", "50.0% n=2", "100.0% n=1", "— n=0"]);
  expect([await cell(page, "ads", 0), await cell(page, "ads", 3)]).toEqual(["50.0% n=2", "100.0% n=2"]);
  const adsRow = page.locator('[data-testid="convert-row"][data-series="ads"]');
  await expect(adsRow.getByTestId("convert-converters")).toHaveText("2");
  await expect(adsRow.getByTestId("convert-median")).toHaveText("1.3 days");

  const api = (await (await request.get(`/api/datasets/${datasetName}/time-to-convert?groupBy=channel&days=10`)).json()) as ApiResult;
  expect(api.asOf).toBe("2026-03-11T16:00:00.000Z");
  expect(api.series.map((series) => [series.name, series.converters])).toEqual([
    ["Everyone", 5],
    ["organic", 3],
    ["ads", 2],
  ]);
  for (const series of api.series) {
    const shown = await page
      .locator(`[data-testid="convert-row"][data-series="${series.name}"] [data-testid="convert-cell"]`)
      .evaluateAll((tds) => tds.map((td) => `${td.getAttribute("data-converted")}/${td.getAttribute("data-eligible")}`));
    expect(shown).toEqual(series.points.map((point) => `${point.converted}/${point.eligible}`));
  }
  expect(api.summary).toBe(await page.getByTestId("convert-summary").innerText());
});
