import { expect, test, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * Segment transitions, end to end, on a tiny dataset in America/New_York
 * (EST, UTC−5) whose month-end segments are worked out by hand (the same
 * fixture as lib/snapshots/snapshots.db.test.ts).
 *
 * Definition "Recency" (behavior rules): Active = recency < 14 days, Lapsing = < 45, else Lost.
 * Month ends: 2026-01-31 (as of 02-01 00:00 EST) and 2026-02-28 (as of 03-01 00:00 EST); the last
 * event is on 03-10, so March has not ended.
 *
 *   user  events (UTC)                                at 01-31          at 02-28
 *   u1    01-05, 01-25, 02-20, 03-10 noon             Active (6 days)   Active (8)
 *   u2    01-10                                       Lapsing (21)      Lost (49)
 *   u3    01-28                                       Active (3)        Lapsing (31)
 *   u4    02-10                                       not yet seen      Lapsing (18)
 *   u5    02-25                                       not yet seen      Active (3)
 *   u6    02-01 03:00Z = 01-31 22:00 EST              Active (0)        Lapsing (28)
 *   u7    01-02 noon, 03-01 04:30Z = 02-28 23:30 EST  Lapsing (29)      Active (0)
 *
 * Matrix (rows 01-31 → columns 02-28: Active, Lapsing, Lost, Gone):
 *   Active 1 2 0 0 (33.3%, 66.7%) · Lapsing 1 0 1 0 (50%, 50%) · Lost 0 0 0 0 · Not yet seen 1 1 0 0
 *   column totals 3, 3, 1, 0; 7 users.
 */
const EVENTS = [
  ["u1", "2026-01-05T12:00:00Z"],
  ["u1", "2026-01-25T12:00:00Z"],
  ["u1", "2026-02-20T12:00:00Z"],
  ["u1", "2026-03-10T12:00:00Z"],
  ["u2", "2026-01-10T12:00:00Z"],
  ["u3", "2026-01-28T12:00:00Z"],
  ["u4", "2026-02-10T12:00:00Z"],
  ["u5", "2026-02-25T12:00:00Z"],
  ["u6", "2026-02-01T03:00:00Z"],
  ["u7", "2026-01-02T12:00:00Z"],
  ["u7", "2026-03-01T04:30:00Z"],
] as const;

const DEFINITION = {
  modelId: "behavior-rules",
  name: "Recency",
  definition: {
    rules: [
      { name: "Active", match: "all", conditions: [{ feature: "recencyDays", operator: "<", value: 14 }] },
      { name: "Lapsing", match: "all", conditions: [{ feature: "recencyDays", operator: "<", value: 45 }] },
    ],
    fallback: "Lost",
  },
  createdBy: "E2E",
};

const EXPECTED: Record<string, number[]> = {
  Active: [1, 2, 0, 0],
  Lapsing: [1, 0, 1, 0],
  Lost: [0, 0, 0, 0],
  "Not yet seen": [1, 1, 0, 0],
};

const datasetName = `trans-${Date.now().toString(36)}`;

function cells(page: Page, from: string) {
  return page.locator(`[data-testid="transition-row"][data-from="${from}"]`).getByTestId("transition-cell");
}

test.beforeAll(async ({ request }) => {
  const csv = `user_id,event_name,timestamp\n${EVENTS.map(([user, ts]) => `${user},login,${ts}`).join("\n")}\n`;
  await ingestCsv(request, datasetName, csv, { fileName: "moves.csv", timezone: "America/New_York" });
  const saved = await request.post(`/api/datasets/${datasetName}/definitions`, { data: DEFINITION });
  expect(saved.status()).toBe(201);
});

test("snapshots taken from the page give the hand-computed transition matrix, as the API does", async ({ page, request }) => {
  await page.goto(`/datasets/${datasetName}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Transitions" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}/transitions$`));
  await expect(page.getByLabel("Definition")).toHaveValue("Recency");

  const card = page.getByTestId("transition-card");
  await expect(card).toContainText("No snapshots yet for this definition: take them");
  await card.getByRole("button", { name: "Take snapshots" }).click();

  await expect(page.getByTestId("transition-row")).toHaveCount(4);
  for (const [from, counts] of Object.entries(EXPECTED)) {
    const users = await cells(page, from).evaluateAll((elements) => elements.map((element) => Number(element.getAttribute("data-users"))));
    expect(users, from).toEqual(counts);
  }
  await expect(cells(page, "Active").nth(1)).toContainText("66.7%");
  await expect(cells(page, "Active").nth(1)).toHaveAttribute("title", "2 of 3 users in Active on 2026-01-31 were in Lapsing on 2026-02-28");
  await expect(cells(page, "Lost").first()).toContainText("—");
  await expect(page.getByTestId("column-total")).toHaveText(["3", "3", "1", "0"]);
  await expect(page.getByLabel("From snapshot")).toHaveValue("2026-01-31");
  await expect(page.getByLabel("To snapshot")).toHaveValue("2026-02-28");
  await expect(page.locator('[data-testid="segment-change"][data-segment="Lapsing"]')).toHaveText(
    "Lapsing grew 50% (2 → 3): 2 from Active, 1 new; lost 1 to Active, 1 to Lost.",
  );
  // Flow nodes: the non-empty rows (left) and columns (right), each with its user count.
  await expect(page.getByTestId("flow-node")).toHaveText(["Active · 3", "Lapsing · 2", "Not yet seen · 2", "Active · 3", "Lapsing · 3", "Lost · 1"]);
  await page.screenshot({ path: "test-results/screens/transitions.png", fullPage: true });

  // The API answers the same numbers.
  const api = (await (await request.get(`/api/datasets/${datasetName}/transitions?definition=Recency&from=2026-01-31&to=2026-02-28`)).json()) as {
    rows: string[];
    counts: number[][];
  };
  for (const [r, from] of api.rows.entries()) {
    const users = await cells(page, from).evaluateAll((elements) => elements.map((element) => Number(element.getAttribute("data-users"))));
    expect(users).toEqual(api.counts[r]);
  }

  // Taking them again keeps both (idempotent).
  await page.getByRole("button", { name: "Take snapshots" }).click();
  await expect(page.getByTestId("snapshot-result")).toHaveText("0 taken, 2 already taken.");
});
