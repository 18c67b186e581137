import { expect, test, type APIRequestContext } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

const DAY_MS = 86_400_000;
const stamp = Date.now().toString(36);

async function patchSettings(request: APIRequestContext, datasetName: string, settings: Record<string, string>): Promise<void> {
  const response = await request.patch(`/api/datasets/${datasetName}`, { data: settings, timeout: 120_000 });
  expect(response.ok(), await response.text()).toBe(true);
}

/**
 * Insights on a dataset worked out by hand. UTC, D = 2026-06-30 (the as-of day: a "late" user's
 * event that day). 100 users first seen on day 0 = D − 60, all at 10:00, each logging in then:
 *   inv-0 … inv-19    invite_teammate once                 retained: inv-0 … inv-9 (10 of 20)
 *   inv-20 … inv-39   invite_teammate 3 times               retained: all 20
 *   plain-0 … plain-59 no invite                            retained: plain-0 … plain-14 (15 of 60)
 *   plain-13 … plain-22 also rare_feature once              retained among them: plain-13, plain-14 (2 of 10)
 *   upgrade on day 2: inv-15 … inv-39 (25) and plain-0 … plain-4 (5)
 * Retained = a login on day 30 (≥ 28 days after the first-seen day). "late" (first seen on D) is too recent.
 *
 * Outcome "retained", first 7 days, window 28: eligible 100, 45 retained (45%), 1 too recent.
 *   did invite_teammate: with 40 (30 retained = 75%) vs without 60 (15 = 25%): lift 3×, +50 pp, coverage 40%.
 *   did rare_feature: with 10 (2 = 20%) vs 90 (43 = 47.8%): lowers retention, a small sample (10 < 30 users).
 *   aha curve of invite_teammate: k = 1 as above; k = 2 and 3: the 20 triple inviters, 100% vs 25/80 = 31.3%,
 *   a small sample (20 < 30) so the best k is 1.
 * Outcome "converted" (conversion event "upgrade", excluded from the behaviors):
 *   did invite_teammate: 25/40 = 62.5% vs 5/60 = 8.3%, lift 7.5×.
 */
const insightsDataset = `insights-${stamp}`;
const D = Date.UTC(2026, 5, 30, 10);
const at = (day: number, minutes = 0) => new Date(D - (60 - day) * DAY_MS + minutes * 60_000).toISOString();

function insightsCsv(): string {
  const lines = ["user_id,event_name,timestamp"];
  const add = (user: string, event: string, ts: string) => lines.push(`${user},${event},${ts}`);
  for (let i = 0; i < 40; i++) {
    const user = `inv-${i}`;
    add(user, "login", at(0));
    for (let k = 0; k < (i < 20 ? 1 : 3); k++) add(user, "invite_teammate", at(0, 1 + k));
    if (i < 10 || i >= 20) add(user, "login", at(30));
    if (i >= 15) add(user, "upgrade", at(2));
  }
  for (let j = 0; j < 60; j++) {
    const user = `plain-${j}`;
    add(user, "login", at(0));
    if (j >= 13 && j <= 22) add(user, "rare_feature", at(0, 5));
    if (j < 15) add(user, "login", at(30));
    if (j < 5) add(user, "upgrade", at(2));
  }
  add("late", "login", at(60));
  return `${lines.join("\n")}\n`;
}

interface ApiBehavior {
  id: string;
  usersWith: number;
  usersWithout: number;
  rateWith: number | null;
  rateWithout: number | null;
  lift: number | null;
  coverage: number;
  smallSample: boolean;
  sentence: string;
}

test("insights: the behaviors table, summary and aha curve show the API's and the hand-computed figures", async ({ page, request }) => {
  test.setTimeout(240_000);
  await ingestCsv(request, insightsDataset, insightsCsv());
  // Setting the conversion event recomputes the features (converted_at).
  await patchSettings(request, insightsDataset, { conversionEvent: "upgrade" });

  const api = (await (await request.get(`/api/datasets/${insightsDataset}/insights?outcome=retained&days=7&window=28`)).json()) as {
    eligibleUsers: number;
    tooRecentUsers: number;
    outcomeUsers: number;
    asOfDay: string;
    raises: ApiBehavior[];
    lowers: ApiBehavior[];
    thresholds: { kind: string; subject: string; bestK: number | null; sentence: string | null; curve: { k: number; usersWith: number; smallSample: boolean }[] }[];
  };
  expect(api).toMatchObject({ eligibleUsers: 100, tooRecentUsers: 1, outcomeUsers: 45, asOfDay: "2026-06-30" });
  const invite = api.raises.find((behavior) => behavior.id === "event:invite_teammate:1")!;
  expect(invite).toMatchObject({ usersWith: 40, usersWithout: 60, rateWith: 0.75, rateWithout: 0.25, lift: 3, coverage: 0.4, smallSample: false });
  expect(invite.sentence).toBe(
    "Users who did invite_teammate in their first 7 days were retained at Day 28 3× as often (75% vs 25%, n = 40 vs 60) — correlation, not causation.",
  );
  const rare = api.lowers.find((behavior) => behavior.id === "event:rare_feature:1")!;
  expect(rare).toMatchObject({ usersWith: 10, usersWithout: 90, rateWith: 0.2, smallSample: true });
  const inviteCurve = api.thresholds.find((threshold) => threshold.subject === "invite_teammate")!;
  expect(inviteCurve.bestK).toBe(1);
  expect(inviteCurve.curve.slice(0, 4).map((point) => [point.usersWith, point.smallSample])).toEqual([
    [40, false],
    [20, true],
    [20, true],
    [0, true],
  ]);

  await page.goto(`/datasets/${insightsDataset}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${insightsDataset}/insights$`));

  await expect(page.getByTestId("insights-population")).toContainText("Compared 100 users");
  await expect(page.getByTestId("insights-population")).toContainText("base rate 45% (45 users)");
  await expect(page.getByTestId("summary-raises")).toContainText(invite.sentence);

  const inviteRow = page.locator('[data-testid="behavior-row"][data-id="event:invite_teammate:1"]');
  await expect(inviteRow.getByTestId("users-with")).toHaveText("40");
  await expect(inviteRow.getByTestId("users-without")).toHaveText("60");
  await expect(inviteRow.getByTestId("rate-with")).toHaveText("75%");
  await expect(inviteRow.getByTestId("rate-without")).toHaveText("25%");
  await expect(inviteRow.getByTestId("lift")).toHaveText("3×");
  await expect(inviteRow.getByTestId("difference")).toHaveText("+50 pp");
  await expect(inviteRow.getByTestId("coverage")).toHaveText("40%");
  await expect(page.getByTestId("behaviors-raises")).toContainText("Raises retention");

  const rareRow = page.getByTestId("behaviors-lowers").locator('[data-testid="behavior-row"][data-id="event:rare_feature:1"]');
  await expect(rareRow).toHaveAttribute("data-small-sample", "true");
  await expect(rareRow.getByTestId("rate-without")).toHaveText("47.8%");
  await expect(page.getByTestId("behaviors-lowers").getByTestId("small-sample-note")).toBeVisible();

  const aha = page.getByTestId("aha-card");
  await aha.getByLabel("Behavior").selectOption("event:invite_teammate", { timeout: 10_000 });
  await expect(page).toHaveURL(/aha=event%3Ainvite_teammate/);
  await expect(aha.getByTestId("aha-sentence")).toHaveText(inviteCurve.sentence!);
  await expect(aha.getByTestId("aha-sentence")).toContainText("1+ invite_teammate events in the first 7 days: Day-28 retention 75% vs 25%, covers 40% of new users");
  await expect(aha.locator(".recharts-line")).toHaveCount(3);
  await page.screenshot({ path: "test-results/screens/insights.png", fullPage: true });
  await aha.getByText("View as table").click();
  await expect(aha.locator('[data-testid="aha-row"][data-k="2"]')).toContainText("100%");
  await expect(aha.locator('[data-testid="aha-row"][data-k="2"]')).toContainText("31.3%");

  // Converted: the outcome control lands in the URL; the conversion event itself is left out of the behaviors.
  await page.locator('select[name="outcome"]').selectOption("converted", { timeout: 10_000 });
  await expect(page).toHaveURL(/outcome=converted/);
  const converted = (await (await request.get(`/api/datasets/${insightsDataset}/insights?outcome=converted&days=7&window=28`)).json()) as { raises: ApiBehavior[] };
  const convertedInvite = converted.raises.find((behavior) => behavior.id === "event:invite_teammate:1")!;
  expect(convertedInvite.rateWith).toBe(0.625);
  expect(convertedInvite.lift).toBeCloseTo(7.5, 10);
  expect(converted.raises.some((behavior) => behavior.id.startsWith("event:upgrade"))).toBe(false);
  await expect(inviteRow.getByTestId("rate-with")).toHaveText("62.5%");
  await expect(inviteRow.getByTestId("rate-without")).toHaveText("8.3%");
  await expect(inviteRow.getByTestId("lift")).toHaveText("7.5×");
  await expect(page.getByTestId("behaviors-raises")).toContainText("Raises conversion");
});

/**
 * Audit: a clean product (the audit fixture's clean part, lib/audit/audit-fixture.ts): 20 users from
 * 2025-03-03 (UTC) with signup, activated, one purchase with revenue, and view_dashboard every third
 * day so all 30 days have events; signup and activation events configured.
 * The dirty copy adds 5 "Order Completed" without revenue (u05) and "Sign Up" ×3 (u06), "sign_up" ×2 (u07):
 *   purchase-without-revenue: 5 of 25 purchase-like events (20 purchase + 5 Order Completed) → high (≥ 10%)
 *   event-name-sprawl: 1 group of 3 names (Sign Up / sign_up / signup) → medium
 */
const START_MS = Date.UTC(2025, 2, 3);
const atFixture = (day: number, minutes: number) => new Date(START_MS + day * DAY_MS + minutes * 60_000).toISOString();

function auditCsv(dirty: boolean): string {
  const lines = ["user_id,event_name,timestamp,revenue"];
  const add = (user: string, event: string, ts: string, revenue = "") => lines.push(`${user},${event},${ts},${revenue}`);
  for (let i = 1; i <= 20; i++) {
    const user = `u${String(i).padStart(2, "0")}`;
    const signupDay = (i - 1) % 5;
    add(user, "signup", atFixture(signupDay, 9 * 60 + i));
    add(user, "activated", atFixture(signupDay, 9 * 60 + 30 + i));
    add(user, "purchase", atFixture(signupDay + 2, 11 * 60 + i), "10");
    for (let day = signupDay; day < 30; day++) if ((day + i) % 3 === 0) add(user, "view_dashboard", atFixture(day, 10 * 60 + i));
  }
  if (dirty) {
    for (let day = 6; day <= 10; day++) add("u05", "Order Completed", atFixture(day, 12 * 60));
    for (const day of [3, 4, 5]) add("u06", "Sign Up", atFixture(day, 13 * 60));
    for (const day of [3, 4]) add("u07", "sign_up", atFixture(day, 13 * 60));
  }
  return `${lines.join("\n")}\n`;
}

interface ApiAudit {
  findings: { id: string; severity: string; title: string; evidence: { counts: Record<string, number> } }[];
}

test("audit: injected problems show with the API's counts; a clean dataset shows the empty state", async ({ page, request }) => {
  test.setTimeout(240_000);
  const dirty = `audit-dirty-${stamp}`;
  const clean = `audit-clean-${stamp}`;
  for (const [name, isDirty] of [
    [dirty, true],
    [clean, false],
  ] as const) {
    await ingestCsv(request, name, auditCsv(isDirty));
    await patchSettings(request, name, { signupEvent: "signup", activationEvent: "activated" });
  }

  const api = (await (await request.get(`/api/datasets/${dirty}/audit`)).json()) as ApiAudit;
  expect(api.findings.map((finding) => [finding.id, finding.severity])).toEqual([
    ["purchase-without-revenue", "high"],
    ["event-name-sprawl", "medium"],
  ]);
  expect(api.findings[0]!.evidence.counts).toEqual({ eventsWithoutRevenue: 5, purchaseLikeEvents: 25 });
  expect(api.findings[1]!.evidence.counts).toEqual({ groups: 1, names: 3 });

  await page.goto(`/datasets/${dirty}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${dirty}/audit$`));
  const findings = page.getByTestId("audit-finding");
  await expect(findings).toHaveCount(2);
  const revenue = findings.nth(0);
  await expect(revenue).toHaveAttribute("data-id", "purchase-without-revenue");
  await expect(revenue.getByTestId("severity")).toHaveText("High");
  await expect(revenue).toContainText(api.findings[0]!.title);
  await expect(revenue).toContainText("5 of 25 purchase-like events have no revenue");
  for (const [name, value] of Object.entries(api.findings[0]!.evidence.counts)) {
    await expect(revenue.locator(`[data-testid="evidence-count"][data-name="${name}"] dd`)).toHaveText(String(value));
  }
  await expect(revenue.getByTestId("evidence-examples")).toContainText("Order Completed: 5 of 5 without revenue");
  await expect(revenue.getByTestId("finding-fix")).toContainText("Fix: Send revenue");
  await expect(revenue.getByTestId("finding-blocks")).toHaveText("Blocks: revenue, rfm, segments");
  const sprawl = findings.nth(1);
  await expect(sprawl.getByTestId("severity")).toHaveText("Medium");
  await expect(sprawl.locator('[data-testid="evidence-count"][data-name="names"] dd')).toHaveText("3");
  await expect(sprawl.getByTestId("evidence-examples")).toContainText("Sign Up (3)");
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });

  expect(((await (await request.get(`/api/datasets/${clean}/audit`)).json()) as ApiAudit).findings).toEqual([]);
  await page.goto(`/datasets/${clean}/audit`);
  await expect(page.getByText("No tracking problems found")).toBeVisible();
  await expect(page.getByTestId("audit-summary")).toContainText("from 20 users checked");
});
