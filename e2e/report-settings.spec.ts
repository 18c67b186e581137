import { expect, test, type APIRequestContext } from "@playwright/test";
import { dailyAndRareBuyersCsv, saveUsageDefinition } from "./fixtures/daily-and-rare-buyers";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * Dataset settings and the segmentation report, end to end, on a dataset
 * whose recommendations are worked out by hand. Time zone UTC, D = 2026-06-30.
 *
 *   daily  40 users: page_view, create_report and share_dashboard every day D−29 … D at 12:00
 *          → 90 events (frequency ≥ 10: "Daily"), active 30 of the last 30 days = 7 days a week,
 *            2 core features, first seen 29 days before D and active 28+ days later: retained
 *   rare   60 users: one page_view at D−60; 30 of them also "buy" an hour later
 *          → "Rare", 50% converted once "buy" is the conversion event, never retained, no core feature
 *
 * Everyone: conversion 30/100 = 30%, day-28 retention 40/100 = 40%.
 * Playbook rules that hold (segment-stats.ts, recommendation-rules.ts):
 *   lifecycle        leaky-bucket      Rare  (60% of users, retention lift 0 ≤ 0.6)
 *   lifecycle        advocates         Daily (retention lift 2.5 ≥ 1.3, 7 days a week ≥ 3)
 *   feature-adoption first-core-feature Rare (100% without a core feature)
 *   monetization     upsell            Daily (7 days a week, conversion lift 0 ≤ 0.5)
 *   monetization     upsell timing     Everyone: all 30 converters bought 1 hour after their first event (no signup
 *                                      event): 0.04 days → middle half days 0–1 (floor / ceiling), median 0.0 days
 */
const datasetName = `report-${Date.now().toString(36)}`;

async function loadDataset(request: APIRequestContext): Promise<void> {
  await ingestCsv(request, datasetName, dailyAndRareBuyersCsv());
}

const EXPECTED_FINDINGS = [
  "Rare is 60% of users and keeps 0% past day 28 (everyone: 40%)",
  "Daily keeps 100% past day 28 (everyone: 40%) and is active 7 days a week",
  "100% of Rare never used a core feature",
  "Daily uses the product 7 days a week, yet only 0% converted (everyone: 30%)",
  "Half of conversions happen in days 0–1 after first seen (median 0.0 days, 30 converters)",
];

test("settings give events their meaning; the report recommends from the recomputed numbers", async ({ page, request }) => {
  test.setTimeout(180_000);
  await loadDataset(request);

  await page.goto(`/datasets/${datasetName}/settings`);
  await page.getByLabel("Conversion event").selectOption("buy");
  await page.getByRole("checkbox", { name: "create_report" }).check();
  await page.getByRole("checkbox", { name: "share_dashboard" }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Features recomputed for 100 users")).toBeVisible({ timeout: 60_000 });
  const detail = (await (await request.get(`/api/datasets/${datasetName}`)).json()) as { conversionEvent: string; coreFeatures: string[] };
  expect(detail).toMatchObject({ conversionEvent: "buy", coreFeatures: ["create_report", "share_dashboard"] });
  await page.screenshot({ path: "test-results/screens/settings.png", fullPage: true });

  await saveUsageDefinition(request, datasetName);

  await page.goto(`/datasets/${datasetName}/report`);
  const segmentRows = page.getByTestId("report-segments").locator("tbody tr");
  await expect(segmentRows).toHaveCount(2);
  await expect(segmentRows.nth(0).locator("td").nth(2)).toHaveText("40% (40)");
  await expect(segmentRows.nth(1).locator("td").nth(2)).toHaveText("60% (60)");
  await expect(page.getByTestId("report-subtitle")).toContainText("segments from Usage v1 (behavior-rules)");
  const findings = page.getByTestId("recommendation");
  await expect(findings).toHaveCount(EXPECTED_FINDINGS.length);
  for (const [index, finding] of EXPECTED_FINDINGS.entries()) await expect(findings.nth(index)).toContainText(finding);
  await page.screenshot({ path: "test-results/screens/report.png", fullPage: true });

  // The API and the Markdown download say the same.
  const json = (await (await request.get(`/api/datasets/${datasetName}/report`)).json()) as { recommendations: { finding: string }[] };
  expect(json.recommendations.map((item) => item.finding)).toEqual(EXPECTED_FINDINGS);
  const markdown = await request.get(`/api/datasets/${datasetName}/report?format=md`);
  expect(markdown.headers()["content-disposition"]).toBe(`attachment; filename="${datasetName}-segmentation-report.md"`);
  const text = await markdown.text();
  expect(text).toContain("| Daily | frequency ≥ 10 | 40% (40) |");
  for (const finding of EXPECTED_FINDINGS) expect(text).toContain(finding);
});

test("a settings error names the field", async ({ request }) => {
  const response = await request.patch(`/api/datasets/${datasetName}`, { data: { timezone: "Mars/Olympus" } });
  expect(response.status()).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
    'timezone: Unknown time zone "Mars/Olympus": use an IANA name such as "Europe/Berlin"',
  );
});
