import { expect, test, type Locator, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * The Activity page (lifecycle, stickiness, active days per week), end to end,
 * on a tiny dataset in America/Bogota (UTC−5, no DST) worked out by hand.
 * Local days below; events are sent as UTC instants (local noon = 17:00Z).
 *
 *   user  local active days                        ISO weeks (W1 = Mon 03-02, W2 = 03-09, W3 = 03-16, W4 = 03-23)
 *   a     03-02, 03-03, 03-04, 03-10, 03-24 (search) W1, W2, W4
 *   b     Sun 03-08 23:30 (= 03-09T04:30Z: Monday in UTC!), Mon 03-09   W1, W2
 *   c     03-11, 03-17, 03-18                      W2, W3
 *   d     03-25                                    W4
 *   e     03-05                                    W1
 *
 * Last event Wed 03-25 local → as-of day 2026-03-25; W4 is under way (partial).
 * Lifecycle per week (new / returning / resurrecting / dormant, active):
 *   W1: a, b, e new                      → 3 / 0 / 0 / 0,   3
 *   W2: c new; a, b returning; e dormant → 1 / 2 / 0 / −1,  3
 *   W3: c returning; a, b dormant        → 0 / 1 / 0 / −2,  1
 *   W4: d new; a resurrecting; c dormant → 1 / 0 / 1 / −1,  2 (partial)
 *   (bucketing b in UTC would make b new in W2 and W1 would show 2 new.)
 * Stickiness (first day drawn = first activity, 03-02):
 *   03-25: DAU 1 (d), WAU 2 (a on 03-24, d), MAU 5 → 20%
 *   03-24: DAU 1 (a), WAU 2 (a, c on 03-18), MAU 4 (d not yet) → 25%
 *   03-10: DAU 1 (a), WAU 3 (a, b, e on 03-05), MAU 3 → 33.3%
 * Active days per week, full weeks W1–W3 (W4 not finished):
 *   W1: a 3 days, b 1, e 1 | W2: a 1, b 1, c 1 | W3: c 2 → 7 user-weeks: 1 day 5 (71.4%), 2 days 1 (14.3%), 3 days 1 (14.3%)
 * Activity = "search" only: a in W4 → new 1 (partial).
 */
const local = (day: string, time = "17:00:00") => `2026-${day}T${time}Z`;
const EVENTS: readonly (readonly [string, string, string])[] = [
  ["a", "login", local("03-02")],
  ["a", "login", local("03-03")],
  ["a", "login", local("03-04")],
  ["a", "login", local("03-10")],
  ["a", "search", local("03-24")],
  ["b", "login", "2026-03-09T04:30:00Z"],
  ["b", "login", local("03-09")],
  ["c", "login", local("03-11")],
  ["c", "login", local("03-17")],
  ["c", "login", local("03-18")],
  ["d", "login", local("03-25")],
  ["e", "login", local("03-05")],
];

const datasetName = `act-${Date.now().toString(36)}`;

async function showTable(card: Locator): Promise<void> {
  await expect(card).toHaveAttribute("data-status", "ready");
  // The switch's checkbox is visually hidden: click its label, as a user does.
  await card.getByText("View as table").click();
  await expect(card.getByRole("switch", { name: "View as table" })).toBeChecked();
}

async function lifecycleRow(page: Page, start: string): Promise<string[]> {
  const row = page.locator(`[data-testid="lifecycle-row"][data-start="${start}"]`);
  return Promise.all(["new", "returning", "resurrecting", "dormant", "active"].map(async (key) => (await row.getByTestId(`lifecycle-${key}`).innerText()).trim()));
}

async function stickinessRow(page: Page, day: string): Promise<string[]> {
  const row = page.locator(`[data-testid="stickiness-row"][data-day="${day}"]`);
  return Promise.all(["dau", "wau", "mau", "ratio"].map(async (key) => (await row.getByTestId(`stickiness-${key}`).innerText()).trim()));
}

test.beforeAll(async ({ request }) => {
  const csv = `user_id,event_name,timestamp\n${EVENTS.map((event) => event.join(",")).join("\n")}\n`;
  await ingestCsv(request, datasetName, csv, { fileName: "activity.csv", timezone: "America/Bogota" });
});

test("lifecycle, stickiness and active days show hand-computed numbers that match the API", async ({ page, request }) => {
  test.setTimeout(120_000); // three charts and their tables, and the API cross-check, on a busy 2-core machine
  await page.goto(`/datasets/${datasetName}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Activity" }).click();
  // The URL changes once the new page has rendered on the server: allow for a slow first render.
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}/activity$`), { timeout: 30_000 });

  const lifecycleCard = page.getByTestId("lifecycle-card");
  await expect(lifecycleCard.locator(".recharts-rectangle").first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "test-results/screens/activity-charts.png", fullPage: true });
  await showTable(lifecycleCard);
  await expect(page.getByTestId("lifecycle-row")).toHaveCount(4);
  expect(await lifecycleRow(page, "2026-03-02")).toEqual(["3", "0", "0", "0", "3"]);
  expect(await lifecycleRow(page, "2026-03-09")).toEqual(["1", "2", "0", "−1", "3"]);
  expect(await lifecycleRow(page, "2026-03-16")).toEqual(["0", "1", "0", "−2", "1"]);
  expect(await lifecycleRow(page, "2026-03-23")).toEqual(["1", "0", "1", "−1", "2"]);
  await expect(page.locator('[data-testid="lifecycle-row"][data-partial="true"]')).toHaveAttribute("data-start", "2026-03-23");
  await expect(lifecycleCard.getByTestId("lifecycle-definition").first()).toContainText("America/Bogota");

  const stickinessCard = page.getByTestId("stickiness-card");
  await showTable(stickinessCard);
  await expect(page.getByTestId("stickiness-row")).toHaveCount(24); // 03-02 … 03-25
  expect(await stickinessRow(page, "2026-03-25")).toEqual(["1", "2", "5", "20%"]);
  expect(await stickinessRow(page, "2026-03-24")).toEqual(["1", "2", "4", "25%"]);
  expect(await stickinessRow(page, "2026-03-10")).toEqual(["1", "3", "3", "33.3%"]);
  await expect(stickinessCard.getByTestId("industry-threshold-dau-mau-daily-product").filter({ visible: true })).toContainText("SaaS 15 / 20 / 30%");

  const activeDaysCard = page.getByTestId("active-days-card");
  await showTable(activeDaysCard);
  await expect(activeDaysCard.getByTestId("active-days-total")).toHaveText("7");
  expect((await activeDaysCard.getByTestId("active-days-percent").allInnerTexts()).map((text) => text.trim())).toEqual(["71.4%", "14.3%", "14.3%", "0%", "0%", "0%", "0%"]);
  await page.screenshot({ path: "test-results/screens/activity-tables.png", fullPage: true });

  // The API answers the same numbers.
  const lifecycle = (await (await request.get(`/api/datasets/${datasetName}/lifecycle?interval=week&periods=26`)).json()) as {
    asOfDay: string;
    intervals: { start: string; new: number; returning: number; resurrecting: number; dormant: number; active: number; partial: boolean }[];
  };
  expect(lifecycle.asOfDay).toBe("2026-03-25");
  for (const row of lifecycle.intervals) {
    expect(await lifecycleRow(page, row.start)).toEqual([row.new, row.returning, row.resurrecting, row.dormant, row.active].map((value) => (value < 0 ? `−${-value}` : String(value))));
  }
  const stickiness = (await (await request.get(`/api/datasets/${datasetName}/stickiness?days=90`)).json()) as {
    daily: { day: string; dau: number; wau: number; mau: number }[];
    activeDaysPerWeek: { weeklyActiveUserWeeks: number; buckets: { users: number }[] };
  };
  expect(stickiness.daily).toHaveLength(24);
  for (const day of stickiness.daily) expect((await stickinessRow(page, day.day)).slice(0, 3)).toEqual([day.dau, day.wau, day.mau].map(String));
  expect(stickiness.activeDaysPerWeek.buckets.map((bucket) => bucket.users)).toEqual([5, 1, 1, 0, 0, 0, 0]);

  // Choosing one event as the activity goes to the URL and recounts: only a's "search" in W4.
  await page.getByLabel("Activity").selectOption("search");
  await expect(page).toHaveURL(/event=search/);
  await expect(page.getByTestId("lifecycle-row")).toHaveCount(1);
  expect(await lifecycleRow(page, "2026-03-23")).toEqual(["1", "0", "0", "0", "1"]);
});
