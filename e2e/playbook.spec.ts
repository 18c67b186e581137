import { expect, test, type APIRequestContext } from "@playwright/test";
import { dailyAndRareBuyersCsv, saveUsageDefinition } from "./fixtures/daily-and-rare-buyers";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * Editing the recommendation playbook changes the report, end to end; and the
 * stickiness chart shows the 20% DAU/MAU rule of thumb with its source.
 * Same hand-worked dataset as report-settings.spec.ts (UTC, D = 2026-06-30):
 *
 *   daily  40 users: page_view, create_report, share_dashboard every day D−29 … D → "Daily",
 *          7 active days a week, day-28 retained, never bought
 *   rare   60 users: one page_view at D−60, 30 of them "buy" an hour later → "Rare"
 *
 * With the built-in rules, "advocates" (day-28 retention ≥ 1.3× everyone and ≥ 3 active days a week)
 * fires for Daily: retention 100% vs 40% = 2.5×, 7 days a week. Raising its second threshold to 8 days a
 * week makes it stop (7 < 8); the other four recommendations stay.
 */
const datasetName = `playbook-${Date.now().toString(36)}`;
const ADVOCATES = "Daily keeps 100% past day 28 (everyone: 40%) and is active 7 days a week";
const OTHERS = [
  "Rare is 60% of users and keeps 0% past day 28 (everyone: 40%)",
  "100% of Rare never used a core feature",
  "Daily uses the product 7 days a week, yet only 0% converted (everyone: 30%)",
  "Half of conversions happen in days 0–1 after first seen (median 0.0 days, 30 converters)",
];

async function loadDataset(request: APIRequestContext): Promise<void> {
  await ingestCsv(request, datasetName, dailyAndRareBuyersCsv());
  const settings = await request.patch(`/api/datasets/${datasetName}`, { data: { conversionEvent: "buy", coreFeatures: ["create_report", "share_dashboard"] }, timeout: 60_000 });
  expect(settings.ok()).toBe(true);
  await saveUsageDefinition(request, datasetName);
}

async function reportFindings(request: APIRequestContext): Promise<{ findings: string[]; version: number }> {
  const report = (await (await request.get(`/api/datasets/${datasetName}/report`)).json()) as { recommendations: { finding: string }[]; playbook: { version: number } };
  return { findings: report.recommendations.map((item) => item.finding), version: report.playbook.version };
}

test("a threshold edited on the Playbook page stops a recommendation in the report and the API; reset brings it back", async ({ page, request }) => {
  test.setTimeout(240_000);
  await loadDataset(request);
  expect(await reportFindings(request)).toEqual({ findings: [OTHERS[0], ADVOCATES, OTHERS[1], OTHERS[2], OTHERS[3]], version: 0 });

  await page.goto(`/datasets/${datasetName}/playbook`);
  await page.screenshot({ path: "/tmp/playbook-top.png" });
  const advocates = page.getByTestId("rule-advocates");
  await expect(advocates.getByTestId("rule-when")).toHaveText(
    "When day-28 retention vs everyone at least 1.3× and active days a week (median user) at least 3, in segments of 30+ users.",
  );
  await expect(advocates.getByTestId("rule-firing")).toHaveText("Fires for Daily (40 users) of Usage v1 (behavior-rules).");

  await advocates.getByRole("button", { name: "Edit" }).click();
  const threshold = advocates.getByLabel("Condition 2: threshold");
  await expect(threshold).toHaveValue("3");
  await threshold.fill("8");
  await expect(advocates.getByTestId("rule-when")).toContainText("active days a week (median user) at least 8");
  await expect(advocates.getByTestId("rule-firing")).toHaveText("Fires for no segment of Usage v1 (behavior-rules).");

  // A bad placeholder is named beside the message and blocks saving; the API answers the same words.
  const message = advocates.getByLabel("Message");
  const original = await message.inputValue();
  await message.fill(`${original} {happiness}`);
  await expect(advocates.getByTestId("field-error")).toHaveText('Rule "advocates": unknown placeholder {happiness}');
  await expect(page.getByTestId("playbook-issues")).toContainText('Rule 9 ("advocates"), message: Rule "advocates": unknown placeholder {happiness}');
  await expect(page.getByRole("button", { name: "Save as new version" })).toBeDisabled();
  await page.screenshot({ path: "/tmp/playbook-invalid.png" });
  await message.fill(original);
  await expect(page.getByTestId("playbook-issues")).toHaveCount(0);

  await page.getByLabel("Note for this version (optional)").fill("Advocates only among daily users");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByText("Saved version 1. The report now uses it.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("playbook-versions")).toContainText("v1");
  await expect(page.getByTestId("playbook-versions")).toContainText("“Advocates only among daily users”");
  await expect(page.getByTestId("playbook-versions")).toContainText("Changed advocates");
  await advocates.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/playbook-saved.png" });

  await page.goto(`/datasets/${datasetName}/report`);
  const findings = page.getByTestId("recommendation");
  await expect(findings).toHaveCount(OTHERS.length);
  for (const [index, finding] of OTHERS.entries()) await expect(findings.nth(index)).toContainText(finding);
  await expect(page.getByText(ADVOCATES)).toHaveCount(0);
  await expect(page.getByTestId("report-playbook")).toContainText('Rules from playbook v1 (saved ');
  await expect(page.getByTestId("report-playbook")).toContainText('"Advocates only among daily users"');
  await page.getByTestId("report-playbook").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/playbook-report.png" });

  expect(await reportFindings(request)).toEqual({ findings: OTHERS, version: 1 });
  const playbook = (await (await request.get(`/api/datasets/${datasetName}/playbook`)).json()) as { inForce: { version: number; rules: { id: string; when: { value: number }[] }[] } };
  expect(playbook.inForce.version).toBe(1);
  expect(playbook.inForce.rules.find((rule) => rule.id === "advocates")!.when.map((condition) => condition.value)).toEqual([1.3, 8]);
  const markdown = await (await request.get(`/api/datasets/${datasetName}/report?format=md`)).text();
  expect(markdown).toContain("Rules from playbook v1");
  expect(markdown).not.toContain(ADVOCATES);

  const bad = await request.put(`/api/datasets/${datasetName}/playbook`, {
    data: { rules: [{ ...playbook.inForce.rules[0], message: "{segment} has {happiness}" }] },
  });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { code: string; details: string[] } };
  expect(body.error.code).toBe("invalid_playbook");
  expect(body.error.details).toEqual(['Rule 1 ("upsell-engaged-non-payers"), message: Rule "upsell-engaged-non-payers": unknown placeholder {happiness}']);

  await page.goto(`/datasets/${datasetName}/playbook`);
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(page.getByText("Saved version 2. The report now uses it.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("playbook-versions")).toContainText("Reset to the built-in rules");
  expect(await reportFindings(request)).toEqual({ findings: [OTHERS[0], ADVOCATES, OTHERS[1], OTHERS[2], OTHERS[3]], version: 2 });
});

test("the stickiness chart shows the 20% DAU/MAU rule of thumb with its source", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/datasets/${datasetName}/activity`);
  const card = page.getByTestId("stickiness-card");
  await expect(card.locator(".recharts-line").first()).toBeVisible({ timeout: 30_000 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/stickiness-reference.png" });
  await expect(card.locator(".recharts-reference-line line")).toHaveCount(1);
  await expect(card.getByText("20% DAU/MAU: daily-product rule of thumb")).toBeVisible();
  // Hover opens the (i) tooltip (a click toggles it, after the focus has already opened it).
  await card.getByRole("button", { name: 'How "Stickiness: DAU, WAU, MAU" is computed' }).hover();
  const tooltip = card.getByRole("tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip.getByTestId("industry-threshold-dau-mau-daily-product")).toContainText("DAU/MAU for a daily product: 20%");
  await expect(tooltip.getByTestId("industry-threshold-dau-mau-daily-product")).toContainText("(rule of thumb)");
  await expect(tooltip.getByRole("link", { name: "June: Stickiness benchmark (table credited to Sequoia Capital)" })).toHaveAttribute(
    "href",
    "https://help.june.so/en/articles/4752354-stickiness-benchmark",
  );
  await page.screenshot({ path: "/tmp/stickiness-tooltip.png" });

  await page.goto(`/datasets/${datasetName}/settings`);
  await expect(page.getByTestId("industry-threshold-session-timeout")).toContainText("30 minutes: the default of GA4 and of Amplitude on the web (documented default).");
  await expect(page.getByRole("link", { name: "Google Analytics 4 Help: [GA4] Session" })).toHaveAttribute("href", "https://support.google.com/analytics/answer/12798876");
  await page.screenshot({ path: "/tmp/settings-thresholds.png", fullPage: true });
});
