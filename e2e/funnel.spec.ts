import { expect, test, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * The funnel, end to end, on a tiny UTC dataset worked out by hand.
 * Default steps = the 3 most frequent event names: signup (5 events), onboarding (4), upgrade (3).
 * Window 7 days from step 1, inclusive.
 *
 *   user  events                                                           furthest step  gaps (s)
 *   a1    signup 03-02 10:00, onboarding 10:30, upgrade 03-03 10:30        3              1800, 86400
 *   a2    signup and onboarding both 03-02 09:00 (same timestamp)          2              0
 *   a3    onboarding 03-01 (before signup), signup 03-02 11:00             1
 *   a4    signup 03-02 08:00, onboarding 03-03 08:00, upgrade 03-09 08:00   3              86400, 518400
 *         (upgrade exactly 7 days after signup: inside the window)
 *   a5    signup 03-03 12:00, page_view 12:10                              1
 *   a6    upgrade only                                                     — (never did step 1)
 *
 * Users: 5, 3, 2 → 100%, 60%, 40% of step 1; dropped 2 (a3, a5) then 1 (a2).
 * Median step 1→2 of 0, 1800, 86400 = 1800 s = "30 min"; step 2→3 of 86400, 518400 = 302400 s = "3.5 d".
 * With a 6-day window a4's upgrade falls outside: step 3 = 1 user (20%).
 */
const EVENTS = [
  ["a1", "signup", "2026-03-02T10:00:00Z"],
  ["a1", "onboarding", "2026-03-02T10:30:00Z"],
  ["a1", "upgrade", "2026-03-03T10:30:00Z"],
  ["a2", "signup", "2026-03-02T09:00:00Z"],
  ["a2", "onboarding", "2026-03-02T09:00:00Z"],
  ["a3", "onboarding", "2026-03-01T09:00:00Z"],
  ["a3", "signup", "2026-03-02T11:00:00Z"],
  ["a4", "signup", "2026-03-02T08:00:00Z"],
  ["a4", "onboarding", "2026-03-03T08:00:00Z"],
  ["a4", "upgrade", "2026-03-09T08:00:00Z"],
  ["a5", "signup", "2026-03-03T12:00:00Z"],
  ["a5", "page_view", "2026-03-03T12:10:00Z"],
  ["a6", "upgrade", "2026-03-04T12:00:00Z"],
] as const;

const datasetName = `funnel-${Date.now().toString(36)}`;

const row = (page: Page, series: string) => page.locator(`[data-testid="funnel-dropoff-row"][data-series="${series}"]`);
const stepCell = (page: Page, step: number) => row(page, "Everyone").locator(`[data-testid="step-cell"][data-step="${step}"]`);

test.beforeAll(async ({ request }) => {
  const csv = `user_id,event_name,timestamp\n${EVENTS.map((event) => event.join(",")).join("\n")}\n`;
  await ingestCsv(request, datasetName, csv, { fileName: "funnel.csv" });
});

test("the funnel shows hand-computed steps that match the API, and lists a drop-off's users", async ({ page, request }) => {
  test.setTimeout(120_000); // one long journey: a dozen funnel recomputations
  await page.goto(`/datasets/${datasetName}/funnels`);
  await expect(page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Funnels" })).toHaveAttribute("aria-current", "page");

  // Default steps: the three most frequent event names, in frequency order.
  await expect(page.getByTestId("funnel-step")).toHaveCount(3);
  await expect(page.getByLabel("Step 1 event")).toHaveValue("signup");
  await expect(page.getByLabel("Step 3 event")).toHaveValue("upgrade");

  await expect(stepCell(page, 1)).toHaveAttribute("data-users", "5", { timeout: 30_000 }); // first computation
  expect(await Promise.all([1, 2, 3].map((step) => stepCell(page, step).innerText()))).toEqual(["5 100.0%", "3 60.0%", "2 40.0%"]);
  const dropOffs = row(page, "Everyone").getByTestId("dropoff-button");
  await expect(dropOffs).toHaveText(["−2", "−1"]);
  await expect(row(page, "Everyone").getByTestId("median-time")).toHaveText(["· 30 min", "· 3.5 d"]);
  await expect(page.getByTestId("funnel-definition").first()).toContainText("a step exactly at the limit counts");

  // The API answers the same numbers.
  const api = (await (await request.get(`/api/datasets/${datasetName}/funnel?steps=signup,onboarding,upgrade&window=7d`)).json()) as {
    series: { name: string; steps: { users: number; percentOfFirst: number; dropOffFromPrevious: number | null; medianSecondsFromPrevious: number | null }[] }[];
  };
  expect(api.series.map((series) => series.name)).toEqual(["Everyone"]);
  const steps = api.series[0]!.steps;
  expect(steps.map((step) => step.users)).toEqual([5, 3, 2]);
  expect(steps.map((step) => step.percentOfFirst)).toEqual([100, 60, 40]);
  expect(steps.map((step) => step.dropOffFromPrevious)).toEqual([null, 2, 1]);
  expect(steps.map((step) => step.medianSecondsFromPrevious)).toEqual([null, 1800, 302400]);
  for (const [index, step] of steps.entries()) await expect(stepCell(page, index + 1)).toHaveAttribute("data-users", String(step.users));
  await page.screenshot({ path: "test-results/screens/funnel.png", fullPage: true });

  // Click the first drop-off: a3 and a5 did signup but not onboarding.
  await dropOffs.first().click();
  await expect(page).toHaveURL(/after=1/);
  await expect(page.getByTestId("dropoff-users-title")).toHaveText("2 users did “signup” but not “onboarding”");
  await expect(page.getByTestId("dropoff-user").locator("td:first-child")).toHaveText(["a3", "a5"]);
  const csvResponse = await request.get(
    `/api/datasets/${datasetName}/funnel/dropoff?steps=signup,onboarding,upgrade&after=1&format=csv`,
  );
  const csvLines = (await csvResponse.text()).trim().split("\r\n");
  expect(csvLines).toHaveLength(1 + 2); // header + a3, a5
  expect(csvLines.slice(1).map((line) => line.split(",")[0])).toEqual(["a3", "a5"]);
  const download = page.waitForEvent("download");
  await page.getByTestId("dropoff-csv").click();
  expect((await download).suggestedFilename()).toBe(`${datasetName}-funnel-dropoff-after-1-signup-Everyone.csv`);

  // A 6-day window leaves a4's upgrade (exactly 7 days after signup) outside: step 3 = 1 user, 20%.
  await page.getByLabel("Conversion window").fill("6");
  await expect(page).toHaveURL(/window=6d/);
  await expect(stepCell(page, 3)).toHaveText("1 20.0%");

  // Adding a step (the next most frequent name, page_view) and removing it again.
  await page.getByRole("button", { name: "+ Add step" }).click();
  await expect(page.getByTestId("funnel-step")).toHaveCount(4);
  await expect(page.getByLabel("Step 4 event")).toHaveValue("page_view");
  await expect(stepCell(page, 4)).toHaveAttribute("data-users", "0");
  await page.getByRole("button", { name: "Remove step 4" }).click();
  await expect(page.getByTestId("funnel-step")).toHaveCount(3);
});
