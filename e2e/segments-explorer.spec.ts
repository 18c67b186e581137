import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * The segment explorer, end to end, on a generated dataset whose segment sizes
 * can be worked out by hand.
 *
 * 250 users, one "page_view" per listed day at 12:00 UTC, dataset time zone
 * UTC. The last event is on D = 2026-06-30, so the features are as of the end
 * of D and recency = D − day of the last event. No core features or cancel
 * event are configured, so "Power users" (≥ 3 core features) stays empty.
 *
 *   group          users  ads  days with an event (D − n)   recency  age  → default rule (first match wins)
 *   churned          40   10  100, 90                         90      100  Churned (recency ≥ 60)
 *   lapsed-50        30   10  100, 50                         50      100  Dormant (recency ≥ 30)
 *   lapsed-35        20    5  100, 35                         35      100  Dormant
 *   lapsed-25        25    5  100, 25                         25      100  Casual: 2 sessions in 101 days = 0.14/week, 1 active day in 30
 *   new              35   20  3, 1                             1        3  New (first seen < 7 days ago)
 *   one-and-done     30   10  10                              10       10  One-and-done (1 session, first seen ≥ 7 days ago)
 *   daily            40   15  13, 12, …, 0                     0       13  Engaged: 14 sessions in 2 weeks = 7/week (≥ 2)
 *   casual           30    5  80, 40, 5                        5       80  Casual: 0.26 sessions/week, 1 active day in 30
 *
 * Default sizes: Churned 40, Dormant 50, New 35, One-and-done 30, Power users 0, Engaged 40, Casual 55.
 * Dormant from recency ≥ 20: lapsed-25 joins Dormant → Dormant 75, Casual 30.
 * Then Churned from recency ≥ 45: lapsed-50 moves to Churned → Churned 70, Dormant 45.
 * Only channel "ads" (80 users): Churned 10 + 10 = 20, Dormant 5 + 5 = 10, New 20, One-and-done 10, Engaged 15, Casual 5.
 */
const GROUPS = [
  { name: "churned", users: 40, ads: 10, daysBeforeD: [100, 90] },
  { name: "lapsed-50", users: 30, ads: 10, daysBeforeD: [100, 50] },
  { name: "lapsed-35", users: 20, ads: 5, daysBeforeD: [100, 35] },
  { name: "lapsed-25", users: 25, ads: 5, daysBeforeD: [100, 25] },
  { name: "new", users: 35, ads: 20, daysBeforeD: [3, 1] },
  { name: "one-and-done", users: 30, ads: 10, daysBeforeD: [10] },
  { name: "daily", users: 40, ads: 15, daysBeforeD: Array.from({ length: 14 }, (_, index) => 13 - index) },
  { name: "casual", users: 30, ads: 5, daysBeforeD: [80, 40, 5] },
] as const;

const D = Date.UTC(2026, 5, 30, 12);
const DAY_MS = 86_400_000;
const AS_OF_DAY = "2026-06-30";

const DEFAULT_SIZES = { Churned: 40, Dormant: 50, New: 35, "One-and-done": 30, "Power users": 0, Engaged: 40, Casual: 55 };
const DORMANT_20 = { ...DEFAULT_SIZES, Dormant: 75, Casual: 30 };
const DORMANT_20_CHURNED_45 = { ...DORMANT_20, Churned: 70, Dormant: 45 };
const ADS_ONLY = { Churned: 20, Dormant: 10, New: 20, "One-and-done": 10, "Power users": 0, Engaged: 15, Casual: 5 };

function eventsCsv(): string {
  const lines = ["user_id,event_name,timestamp,channel"];
  for (const group of GROUPS) {
    for (let index = 0; index < group.users; index++) {
      const userId = `${group.name}-${String(index + 1).padStart(2, "0")}`;
      const channel = index < group.ads ? "ads" : "organic";
      for (const daysBefore of group.daysBeforeD) lines.push(`${userId},page_view,${new Date(D - daysBefore * DAY_MS).toISOString()},${channel}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const screens = (name: string) => `test-results/screens/segments-${name}.png`;
const datasetName = `seg-${Date.now().toString(36)}`;
const explorerPath = `/datasets/${datasetName}/segments`;

async function loadDataset(request: APIRequestContext): Promise<void> {
  const report = await ingestCsv(request, datasetName, eventsCsv(), { fileName: "segments.csv" });
  expect(report.featureRefresh?.users).toBe(250);
}

function segmentRow(page: Page, segment: string) {
  return page.locator(`[data-testid="segment-row"][data-segment="${segment}"]`);
}

async function expectSizes(page: Page, sizes: Record<string, number>): Promise<void> {
  for (const [segment, users] of Object.entries(sizes)) {
    await expect(segmentRow(page, segment).getByTestId("segment-users"), segment).toHaveText(users.toLocaleString("en-US"));
  }
  const total = Object.values(sizes).reduce((sum, users) => sum + users, 0);
  await expect(page.getByTestId("users-in-view")).toHaveText(total.toLocaleString("en-US"));
}

const dormantSlider = (page: Page) => page.getByRole("slider", { name: "Dormant: recency ≥ (days)" });
const dormantInput = (page: Page) => page.getByRole("spinbutton", { name: "Dormant: recency ≥ (days)" });
const churnedInput = (page: Page) => page.getByRole("spinbutton", { name: "Churned: recency ≥ (days)" });

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  await loadDataset(request);
});

test("the explorer shows the default behavior rules with hand-computed sizes", async ({ page }) => {
  await page.goto(`/datasets/${datasetName}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Segments" }).click();
  await expect(page).toHaveURL(new RegExp(`${explorerPath}$`));
  await expect(page.getByLabel("Model")).toHaveValue("behavior-rules");
  await expectSizes(page, DEFAULT_SIZES);
  await expect(segmentRow(page, "Churned").getByTestId("segment-percent")).toHaveText("16.0%"); // 40 / 250
  await expect(segmentRow(page, "Dormant")).toContainText("recency ≥ 30 days");
  await expect(segmentRow(page, "Dormant")).toContainText("Trigger re-engagement campaign");
  // Behavior notes: the daily group's median is 14 sessions in 2 weeks.
  await expect(segmentRow(page, "Engaged")).toContainText("Typical user: 7 sessions/week");
  await expect(page.getByTestId("definition-version")).toHaveText("built-in default, unsaved");
  await expect(page.getByTestId("definition-status")).toContainText("Features as of Jun 30, 2026");
  await page.screenshot({ path: screens("01-default"), fullPage: true });
});

test("thresholds move by keyboard and by typing; validation explains a bad value; saving makes v1 then v2", async ({ page }) => {
  await page.goto(explorerPath);
  await expectSizes(page, DEFAULT_SIZES);

  // v1: the built-in default, saved as is.
  await page.getByRole("button", { name: "Save definition…" }).click();
  const saveForm = page.getByRole("form", { name: "Save definition" });
  await expect(saveForm.getByLabel("Definition name")).toHaveValue("Default");
  await saveForm.getByLabel("Saved by").fill("E2E Tester");
  await expect(saveForm).toContainText("First version");
  await saveForm.getByRole("button", { name: "Save as v1" }).click();
  await expect(page.getByTestId("definition-version")).toHaveText("Default v1");
  await expect(page.getByTestId("definition-status")).toContainText("by E2E Tester");
  await expect(page).toHaveURL(/[?&]def=Default&v=1(&|$)/);
  await expect(page.getByTestId("definition-history-item")).toHaveCount(1);
  await expect(page.getByTestId("definition-history-item").first()).toContainText("First version");

  // Keyboard on the slider: ten steps left, 30 → 20 days.
  await dormantSlider(page).focus();
  for (let step = 0; step < 10; step++) await page.keyboard.press("ArrowLeft");
  await expect(dormantSlider(page)).toHaveValue("20");
  await expect(dormantInput(page)).toHaveValue("20");
  await expectSizes(page, DORMANT_20);
  await expect(page.getByTestId("definition-version")).toHaveText("draft, unsaved");
  await expect(page).toHaveURL(/[?&]rules\.Dormant\.recencyDays=20(&|$)/);
  await expect(segmentRow(page, "Dormant")).toContainText("recency ≥ 20 days");

  // Typing in the number box: churned after 45 days instead of 60.
  await churnedInput(page).fill("45");
  await expectSizes(page, DORMANT_20_CHURNED_45);
  await expect(page).toHaveURL(/[?&]rules\.Churned\.recencyDays=45(&|$)/);

  // A value the definition cannot take: the same sentence the API would answer with.
  await dormantInput(page).fill("-5");
  await expect(page.getByTestId("definition-errors")).toContainText('Rule 2 "Dormant", condition 1: recency cannot be negative (got −5 days)');
  await expectSizes(page, DORMANT_20_CHURNED_45); // the last valid numbers stay
  await page.screenshot({ path: screens("02-validation"), fullPage: true });
  await dormantInput(page).fill("20");
  await expect(page.getByTestId("definition-errors")).toHaveCount(0);

  // Compare: saved v1 beside the draft, with the change.
  await page.getByText("Compare with saved").click();
  await expect(page).toHaveURL(/[?&]compare=1(&|$)/);
  await expect(segmentRow(page, "Churned").getByTestId("segment-saved-users")).toContainText("40");
  await expect(segmentRow(page, "Churned").getByTestId("segment-users")).toHaveText("70");
  await expect(segmentRow(page, "Churned").getByTestId("segment-delta")).toContainText("+30");
  await expect(segmentRow(page, "Casual").getByTestId("segment-delta")).toContainText("−25");
  await expect(segmentRow(page, "Dormant")).toContainText("was: recency ≥ 30 days");
  await page.screenshot({ path: screens("03-compare"), fullPage: true });
  await page.getByText("Compare with saved").click();

  // v2: the edits, with the change note the server writes.
  await page.getByRole("button", { name: "Save definition…" }).click();
  await expect(saveForm.getByLabel("Saved by")).toHaveValue("E2E Tester"); // remembered
  await expect(saveForm.getByTestId("save-changes")).toContainText("Churned: recencyDays ≥ 60 → ≥ 45");
  await expect(saveForm.getByTestId("save-changes")).toContainText("Dormant: recencyDays ≥ 30 → ≥ 20");
  // The person's "why", kept with the version beside the computed changes.
  await saveForm.getByLabel("Change note").fill("Ops asked for earlier win-back.\nAgreed in the Monday review.");
  await page.screenshot({ path: screens("04-save-form"), fullPage: true });
  await saveForm.getByRole("button", { name: "Save as v2" }).click();
  await expect(page.getByTestId("definition-version")).toHaveText("Default v2");
  await expect(page).toHaveURL(/[?&]def=Default&v=2(&|$)/);
  await expect(page).not.toHaveURL(/recencyDays/);
  await expectSizes(page, DORMANT_20_CHURNED_45);
  const history = page.getByTestId("definition-history-item");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("v2");
  await expect(history.nth(0)).toContainText("Churned: recencyDays ≥ 60 → ≥ 45");
  await expect(history.nth(0)).toContainText("Dormant: recencyDays ≥ 30 → ≥ 20");
  await expect(history.nth(0).getByTestId("definition-history-note")).toHaveText("Ops asked for earlier win-back.\nAgreed in the Monday review.");
  await expect(history.nth(1).getByTestId("definition-history-note")).toHaveCount(0);
  await expect(history.nth(1)).toContainText("v1");
  await expect(history.nth(1)).toContainText("First version");
  await page.screenshot({ path: screens("05-saved-v2"), fullPage: true });

  // An older version is one click away, and its numbers come back.
  await page.getByRole("button", { name: "View version 1" }).click();
  await expect(page.getByTestId("definition-version")).toHaveText("Default v1");
  await expectSizes(page, DEFAULT_SIZES);
  await page.getByRole("button", { name: /v2 is the latest/ }).click();
  await expectSizes(page, DORMANT_20_CHURNED_45);
});

test("a suggested action is edited in the table, kept in the link, and saved with the definition as v3", async ({ page }) => {
  await page.goto(explorerPath);
  await expect(page.getByTestId("definition-version")).toHaveText("Default v2");
  await expectSizes(page, DORMANT_20_CHURNED_45);
  const dormantAction = segmentRow(page, "Dormant").getByTestId("segment-action");
  await expect(dormantAction).toHaveText("Trigger re-engagement campaign");

  // Escape leaves it as it was; Enter puts the new action in the draft.
  await segmentRow(page, "Dormant").getByRole("button", { name: "Edit suggested action for Dormant" }).click();
  const actionInput = page.getByRole("textbox", { name: "Suggested action for Dormant" });
  await expect(actionInput).toHaveValue("Trigger re-engagement campaign");
  await actionInput.fill("Call them");
  await actionInput.press("Escape");
  await expect(dormantAction).toHaveText("Trigger re-engagement campaign");
  await segmentRow(page, "Dormant").getByRole("button", { name: "Edit suggested action for Dormant" }).click();
  await actionInput.fill("  Personal call from customer success  ");
  await actionInput.press("Enter");
  await expect(dormantAction).toHaveText("Personal call from customer success");
  await expect(page.getByTestId("definition-version")).toHaveText("draft, unsaved");
  await expect(page).toHaveURL(/[?&]playbook=/);
  expect(JSON.parse(new URL(page.url()).searchParams.get("playbook")!)).toEqual({ Dormant: "Personal call from customer success" });
  await expectSizes(page, DORMANT_20_CHURNED_45); // an action moves nobody

  // The link carries the edit: the server computes with it too.
  await page.reload();
  await expect(segmentRow(page, "Dormant").getByTestId("segment-action")).toHaveText("Personal call from customer success");
  await expect(segmentRow(page, "Churned").getByTestId("segment-action")).toHaveText("Win-back offer; ask why they left");

  await page.getByRole("button", { name: "Save definition…" }).click();
  const saveForm = page.getByRole("form", { name: "Save definition" });
  await expect(saveForm.getByTestId("save-changes")).toHaveText('Playbook "Dormant": (none) → "Personal call from customer success"');
  await saveForm.getByRole("button", { name: "Save as v3" }).click();
  await expect(page.getByTestId("definition-version")).toHaveText("Default v3");
  await expect(page).toHaveURL(/[?&]def=Default&v=3(&|$)/);
  await expect(page).not.toHaveURL(/playbook=/);
  await expect(segmentRow(page, "Dormant").getByTestId("segment-action")).toHaveText("Personal call from customer success");
  const history = page.getByTestId("definition-history-item");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('Playbook "Dormant": (none) → "Personal call from customer success"');
  await page.screenshot({ path: screens("05b-saved-action"), fullPage: true });

  // v2 still has the old action; v3 keeps the new one after a reload.
  await page.getByRole("button", { name: "View version 2" }).click();
  await expect(segmentRow(page, "Dormant").getByTestId("segment-action")).toHaveText("Trigger re-engagement campaign");
  await page.goto(`${explorerPath}?def=Default&v=3`);
  await expect(segmentRow(page, "Dormant").getByTestId("segment-action")).toHaveText("Personal call from customer success");
});

test("a channel filter, a segment's members, a CSV export, and a link that reproduces the view", async ({ page }) => {
  // Draft thresholds straight from a link; `def=` starts from the built-in default rather than the saved v2.
  await page.goto(`${explorerPath}?def=&rules.Dormant.recencyDays=20&rules.Churned.recencyDays=45`);
  await expect(page.getByTestId("definition-version")).toHaveText("draft, unsaved");
  await expect(dormantSlider(page)).toHaveValue("20");
  await expectSizes(page, DORMANT_20_CHURNED_45);

  // Only users acquired through ads.
  await page.getByRole("button", { name: /^Channel:/ }).click();
  await page.getByRole("checkbox", { name: /^ads\b/ }).check();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: /^Channel:/ })).toContainText("ads");
  await expect(page).toHaveURL(/[?&]channel=ads(&|$)/);
  await expectSizes(page, ADS_ONLY);
  await expect(segmentRow(page, "Churned").getByTestId("segment-percent")).toHaveText("25.0%"); // 20 / 80
  await page.screenshot({ path: screens("06-filtered"), fullPage: true });

  // Open a segment: its members, with the features that put them there.
  await segmentRow(page, "Engaged").getByRole("button", { name: "Engaged", exact: true }).click();
  const members = page.getByTestId("segment-members");
  await expect(members.getByTestId("members-total")).toHaveText("15");
  await expect(members.getByTestId("member-row")).toHaveCount(15);
  await expect(members.getByRole("columnheader", { name: "Sessions per week" })).toBeVisible();
  await expect(members.getByTestId("member-row").filter({ hasNotText: "ads" })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]segment=Engaged(&|$)/);
  // Rule models have no score: members come by user id, and any column sorts.
  const userIdHeader = members.getByRole("columnheader", { name: "User ID" });
  await expect(userIdHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(members.getByTestId("member-row").first().locator("th")).toHaveText("daily-01");
  await userIdHeader.getByRole("button").click();
  await expect(userIdHeader).toHaveAttribute("aria-sort", "descending");
  await expect(members.getByTestId("member-row").first().locator("th")).toHaveText("daily-15");
  await page.screenshot({ path: screens("07-members"), fullPage: true });

  // The URL reproduces all of it.
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(dormantSlider(page)).toHaveValue("20");
  await expect(churnedInput(page)).toHaveValue("45");
  await expectSizes(page, ADS_ONLY);
  await expect(page.getByTestId("segment-members").getByTestId("members-total")).toHaveText("15");
  await expect(page.getByTestId("segment-members").getByTestId("member-row").first().locator("th")).toHaveText("daily-15");

  // Export a segment: the file holds exactly the users the table counts.
  await segmentRow(page, "Dormant").getByRole("button", { name: "Dormant", exact: true }).click();
  await expect(page.getByTestId("segment-members").getByTestId("members-total")).toHaveText("10");
  const shownSize = Number((await segmentRow(page, "Dormant").getByTestId("segment-users").textContent())!.replaceAll(",", ""));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toBe(`${datasetName}_dormant_draft_${AS_OF_DAY}.csv`);
  const csv = (await readFile((await download.path())!, "utf8")).trimEnd().split(/\r?\n/);
  expect(csv[0]).toMatch(/^user_id,segment,/);
  expect(csv.length - 1).toBe(shownSize);
  expect(shownSize).toBe(10);
  // user_id, segment, the features behind the rules …, channel, plan, country, signup month (first seen D − 100).
  for (const line of csv.slice(1)) expect(line).toMatch(/^lapsed-(35|25)-\d\d,Dormant,.*,ads,,,2026-03$/);
});

test("a date the features were not computed for is explained, with the way back", async ({ page }) => {
  await page.goto(`${explorerPath}?asOf=2026-01-01`);
  const alert = page.getByRole("alert").filter({ hasText: "No features for that date" });
  await expect(alert).toContainText("computed as of 2026-06-30");
  await page.screenshot({ path: screens("08-as-of-error"), fullPage: true });
  await alert.getByRole("button", { name: "Show the latest features" }).click();
  await expect(page.getByTestId("users-in-view")).toHaveText("250");
});

test("every model segments all 250 users and lists its thresholds", async ({ page }) => {
  await page.goto(`${explorerPath}?def=`);
  await expect(page.getByTestId("users-in-view")).toHaveText("250");
  const models = await page.getByLabel("Model").locator("option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(models).toEqual(["behavior-rules", "rfm", "lifecycle", "usage-tiers", "churn-risk", "engagement-score", "pql", "intent", "clusters"]);
  // Clusters has no built-in definition (save-clustering.spec.ts covers it): the other eight are checked here.
  for (const model of models.filter((id) => id !== "clusters")) {
    // A model without saved definitions starts from its built-in default (behavior rules picks the saved v3).
    await page.getByLabel("Model").selectOption(model);
    await expect(page.getByTestId("definition-version")).toHaveText(model === "behavior-rules" ? "Default v3" : "built-in default, unsaved");
    await expect(page.getByTestId("users-in-view"), model).toHaveText("250");
    const sizes = (await page.getByTestId("segment-users").allTextContents()).map((text) => Number(text.replaceAll(",", "")));
    expect(sizes.reduce((sum, users) => sum + users, 0), model).toBe(250);
    await expect(page.getByRole("complementary", { name: "Definition" }).locator('input[type="range"], select').first(), model).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert"), model).toHaveCount(0);
    if (model === "lifecycle" || model === "intent") await page.screenshot({ path: screens(`12-model-${model}`), fullPage: true });
  }
  // The model is part of the link.
  await expect(page).toHaveURL(/[?&]model=intent(&|$)/);
  // Until a clustering is saved, the Clusters model says where one comes from.
  await page.getByLabel("Model").selectOption("clusters");
  await expect(page.getByRole("heading", { name: "No saved clustering yet — run one on the Clusters tab" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to Clusters" })).toHaveAttribute("href", `/datasets/${datasetName}/clusters`);
});

test("loading, no-features and failure states are designed, not blank", async ({ page }) => {
  // Hold the first answer back to see the skeleton, then answer as a dataset without features would.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/datasets/${datasetName}/segments`, async (route) => {
    await held;
    await route.fulfill({
      status: 409,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "features_missing", message: `Dataset "${datasetName}" has no computed features yet: run a feature refresh first (strata refresh --dataset ${datasetName}).` },
      }),
    });
  });
  await page.goto(`${explorerPath}?def=`);
  await expect(page.getByRole("status", { name: "Loading segments" })).toBeVisible();
  await page.screenshot({ path: screens("09-loading"), fullPage: true });
  release();
  await expect(page.getByRole("heading", { name: "No behavior features yet" })).toBeVisible();
  await expect(page.getByText(`npx strata refresh --dataset ${datasetName}`)).toBeVisible();
  await page.screenshot({ path: screens("10-no-features"), fullPage: true });

  // An unexpected server failure: the apology with its id, and a retry.
  await page.unroute(`**/api/datasets/${datasetName}/segments`);
  await page.route(`**/api/datasets/${datasetName}/segments`, (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "internal", message: "Sorry, something went wrong on our side (error id 1a2b3c4d).", id: "1a2b3c4d" } }),
    }),
  );
  await page.goto(`${explorerPath}?def=&model=rfm`);
  const alert = page.getByRole("alert").filter({ hasText: "The segments could not be computed" });
  await expect(alert).toContainText("error id 1a2b3c4d", { timeout: 20_000 });
  await page.unroute(`**/api/datasets/${datasetName}/segments`);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("users-in-view")).toHaveText("250");
  await page.screenshot({ path: screens("11-rfm"), fullPage: true });
});
