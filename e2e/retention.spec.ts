import { expect, test, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * The cohort retention matrix, end to end, on a tiny dataset in Asia/Shanghai
 * (UTC+8) whose matrix is worked out by hand. Weekly cohorts, weekly periods
 * (ISO weeks, Monday start, local time).
 *
 *   user  events (UTC → local)                                          cohort week  active weeks (N)
 *   a1    03-01 17:30Z → Mon 03-02 01:30; 03-09 10:00; 03-23 10:00      03-02        0, 1, 3
 *   a2    03-03; 03-10                                                  03-02        0, 1
 *   a3    03-04                                                         03-02        0
 *   a4    03-01 15:00Z → Sun 03-01 23:00; 03-02 10:00 (Mon)             02-23        0, 1
 *   b1    03-10; 03-24                                                  03-09        0, 2
 *
 * Last event Tue 03-24 local → as-of day 2026-03-24: week 03-23 is under way (*), later weeks are blank.
 *   cohort 02-23: 1 user; 100%, 100%, 0%, 0%, 0%*, blank
 *   cohort 03-02: 3 users; 100%, 66.7% (a1, a2), 0%, 33.3%* (a1), blank
 *     unbounded: 100%, 66.7%, 33.3% (a1 later), 33.3%*
 *   cohort 03-09: 1 user; 100%, 0%, 100%*, blank
 *   cohorts 03-16 and 03-23: 0 users → "—" (0/0)
 */
const EVENTS = [
  ["a1", "2026-03-01T17:30:00Z"],
  ["a1", "2026-03-09T02:00:00Z"],
  ["a1", "2026-03-23T02:00:00Z"],
  ["a2", "2026-03-03T02:00:00Z"],
  ["a2", "2026-03-10T02:00:00Z"],
  ["a3", "2026-03-04T02:00:00Z"],
  ["a4", "2026-03-01T15:00:00Z"],
  ["a4", "2026-03-02T02:00:00Z"],
  ["b1", "2026-03-10T02:00:00Z"],
  ["b1", "2026-03-24T02:00:00Z"],
] as const;

const datasetName = `ret-${Date.now().toString(36)}`;

function row(page: Page, cohort: string) {
  return page.locator(`[data-testid="retention-row"][data-cohort="${cohort}"]`);
}

async function cellTexts(page: Page, cohort: string, count: number): Promise<string[]> {
  const cells = row(page, cohort).getByTestId("retention-cell");
  await expect(cells).toHaveCount(13);
  return (await cells.allInnerTexts()).slice(0, count).map((text) => text.trim());
}

test.beforeAll(async ({ request }) => {
  const csv = `user_id,event_name,timestamp\n${EVENTS.map(([user, ts]) => `${user},login,${ts}`).join("\n")}\n`;
  await ingestCsv(request, datasetName, csv, { fileName: "x.csv", timezone: "Asia/Shanghai" });
});

test("the retention matrix shows hand-computed cells that match the API", async ({ page, request }) => {
  await page.goto(`/datasets/${datasetName}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Retention" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}/retention$`));

  await expect(page.getByTestId("retention-row")).toHaveCount(5);
  await expect(row(page, "2026-03-02").getByTestId("cohort-size")).toHaveText("3");
  expect(await cellTexts(page, "2026-02-23", 6)).toEqual(["100%", "100%", "0%", "0%", "0%*", ""]);
  expect(await cellTexts(page, "2026-03-02", 5)).toEqual(["100%", "66.7%", "0%", "33.3%*", ""]);
  expect(await cellTexts(page, "2026-03-09", 4)).toEqual(["100%", "0%", "100%*", ""]);
  expect(await cellTexts(page, "2026-03-16", 2)).toEqual(["—", "—*"]);
  await expect(row(page, "2026-03-02").getByTestId("retention-cell").nth(1)).toHaveAttribute("title", /2 of 3 users/);
  await expect(page.getByTestId("retention-definition")).toContainText("Asia/Shanghai");

  // The API answers the same numbers.
  const api = (await (await request.get(`/api/datasets/${datasetName}/retention?cohort=week&period=week&periods=12&mode=n-period`)).json()) as {
    asOfDay: string;
    cohorts: { start: string; size: number; cells: { users: number | null; percent: number | null; state: string }[] }[];
  };
  expect(api.asOfDay).toBe("2026-03-24");
  expect(api.cohorts.map((cohort) => [cohort.start, cohort.size])).toEqual([
    ["2026-02-23", 1],
    ["2026-03-02", 3],
    ["2026-03-09", 1],
    ["2026-03-16", 0],
    ["2026-03-23", 0],
  ]);
  expect(api.cohorts[1]!.cells.slice(0, 5).map((cell) => cell.users)).toEqual([3, 2, 0, 1, null]);
  for (const cohort of api.cohorts) {
    const users = await row(page, cohort.start).getByTestId("retention-cell").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-users")));
    expect(users).toEqual(cohort.cells.map((cell) => (cell.users === null ? "" : String(cell.users))));
  }
  await page.screenshot({ path: "test-results/screens/retention-n-period.png", fullPage: true });

  await page.getByLabel("Retention").selectOption("unbounded");
  await expect(page).toHaveURL(/mode=unbounded/);
  await expect.poll(() => cellTexts(page, "2026-03-02", 5)).toEqual(["100%", "66.7%", "33.3%", "33.3%*", ""]);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toBe(`${datasetName}-retention-week-week-unbounded.csv`);
});
