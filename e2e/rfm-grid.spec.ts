import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";

/**
 * The RFM grid, end to end, on a tiny transaction log (UTC) worked out by hand.
 * Last purchase 2026-06-30 → features as of the end of that day; recency = days since the last purchase.
 *
 *   customer  purchases (amount)                         recency  frequency  monetary
 *   k1        06-28, 06-29, 06-30 (100 each)             0        3          300
 *   k2        06-10, 06-20, 06-30 (20 each)              0        3          60
 *   k3        06-25 (20)                                 5        1          20
 *   k4        06-10, 06-20 (20 each)                     10       2          40
 *   k5        05-31 (7)                                  30       1          7
 *
 * Default RFM (percentile ranks over all 5, cut points .2/.4/.6/.8):
 *   recency ranked descending 30, 10, 5, 0, 0 → percent ranks 0, .25, .5, .75, .75 → R 1, 2, 3, 4, 4 (the tie shares R4)
 *   frequency ascending 1, 1, 2, 3, 3 → percent ranks 0, 0, .5, .75, .75 → F 1, 1, 3, 4, 4
 *   R4 F4 Loyal Customers: k1, k2 → 2 users, 40.0%, average monetary 180.00
 *   R3 F1 About to Sleep: k3 (20.0%, 20.00) · R2 F3 At Risk: k4 (40.00) · R1 F1 Lost: k5 (7.00)
 * Saved "Fixed" (threshold scoring: recency ≤ 180/90/30/7 days, frequency ≥ 2/3/5/10):
 *   k1, k2 → R5 F3 and k4 → R4 F2: Potential Loyalists = 3 over two cells; k3 → R5 F1 New Customers; k5 → R4 F1 Promising.
 */
const PURCHASES = [
  ["k1", "2026-06-28", "100"],
  ["k1", "2026-06-29", "100"],
  ["k1", "2026-06-30", "100"],
  ["k2", "2026-06-10", "20"],
  ["k2", "2026-06-20", "20"],
  ["k2", "2026-06-30", "20"],
  ["k3", "2026-06-25", "20"],
  ["k4", "2026-06-10", "20"],
  ["k4", "2026-06-20", "20"],
  ["k5", "2026-05-31", "7"],
] as const;

const datasetName = `rfm-${Date.now().toString(36)}`;

function cell(page: Page, r: number, f: number) {
  return page.locator(`[data-testid="rfm-cell"][data-r="${r}"][data-f="${f}"]`);
}

interface ApiGrid {
  usersInView: number;
  cells: { recencyScore: number; frequencyScore: number; users: number; percent: number | null; averageMonetary: number | null; segment: string }[];
  segments: { name: string; users: number }[];
}

/** Each named segment's size on the Segments page (POST …/segments) equals the sum of its cells. */
async function expectCellsMatchSegments(request: APIRequestContext, definitionRef?: { name: string }): Promise<ApiGrid> {
  const query = new URLSearchParams({ modelId: "rfm", ...(definitionRef ? { definitionName: definitionRef.name } : {}) });
  const grid = (await (await request.get(`/api/datasets/${datasetName}/rfm-grid?${query}`)).json()) as ApiGrid;
  const page = (await (await request.post(`/api/datasets/${datasetName}/segments`, { data: { modelId: "rfm", definitionRef, notes: false } })).json()) as {
    segments: { name: string; users: number }[];
  };
  for (const segment of page.segments.filter((s) => s.name !== "Not scored")) {
    const cells = grid.cells.filter((c) => c.segment === segment.name).reduce((sum, c) => sum + c.users, 0);
    expect(cells, segment.name).toBe(segment.users);
  }
  return grid;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  const csv = `customer_id,date,amount\n${PURCHASES.map((row) => row.join(",")).join("\n")}\n`;
  const report = await ingestCsv(request, datasetName, csv, { fileName: "orders.csv" });
  expect(report.featureRefresh?.users).toBe(5);
});

test("the default RFM grid shows hand-computed cells that match the API and the Segments page", async ({ page, request }) => {
  await page.goto(`/datasets/${datasetName}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "RFM grid" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}/rfm$`));
  const card = page.getByTestId("rfm-grid");
  await expect(card).toHaveAttribute("data-status", "ready");
  await expect(page.getByTestId("rfm-cell")).toHaveCount(25);

  await expect(cell(page, 4, 4).getByTestId("rfm-cell-users")).toHaveText("2");
  await expect(cell(page, 4, 4).getByTestId("rfm-cell-percent")).toHaveText("40.0% · avg 180.00");
  await expect(cell(page, 4, 4)).toHaveAttribute("data-segment", "Loyal Customers");
  await expect(cell(page, 3, 1).getByTestId("rfm-cell-percent")).toHaveText("20.0% · avg 20.00");
  await expect(cell(page, 2, 3).getByTestId("rfm-cell-users")).toHaveText("1");
  await expect(cell(page, 1, 1)).toHaveAttribute("data-segment", "Lost");
  await expect(cell(page, 5, 5).getByTestId("rfm-cell-users")).toHaveText("0");
  await expect(page.locator('[data-testid="rfm-legend-item"][data-segment="Loyal Customers"]')).toHaveAttribute("data-users", "2");

  // Tooltip with the exact numbers on hover.
  await cell(page, 4, 4).hover();
  await expect(page.getByRole("tooltip").filter({ visible: true })).toContainText("2 users (40.0% of users in view)");
  await page.screenshot({ path: "test-results/screens/rfm-grid.png", fullPage: true });

  // Every cell on screen is the API's.
  const grid = await expectCellsMatchSegments(request);
  for (const apiCell of grid.cells) {
    await expect(cell(page, apiCell.recencyScore, apiCell.frequencyScore)).toHaveAttribute("data-users", String(apiCell.users));
  }

  // Click a cell → its users, highest monetary first, and a CSV of them.
  await cell(page, 4, 4).click();
  await expect(page).toHaveURL(/cell=r4f4/);
  const members = page.getByTestId("rfm-members");
  await expect(members).toContainText("Users in R4 F4 · Loyal Customers · 2 users");
  await expect(members.getByTestId("rfm-member")).toHaveCount(2);
  expect(await members.getByTestId("rfm-member").locator("td:first-child").allInnerTexts()).toEqual(["k1", "k2"]);
  const csvHref = await members.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await (await request.get(csvHref!)).text();
  expect(csv.trim().split("\r\n").map((line) => line.split(",")[0])).toEqual(["user_id", "k1", "k2"]);

  // View as table.
  await card.getByText("View as table").click();
  await expect(page.locator('[data-testid="rfm-table-row"][data-r="4"][data-f="4"]')).toContainText("Loyal Customers");
  await expect(page.locator('[data-testid="rfm-table-row"][data-r="4"][data-f="4"]')).toContainText("40.0%");
});

test("a saved threshold definition regroups the cells; a segment spanning two cells sums to its Segments size", async ({ page, request }) => {
  const defaults = (await (await request.get(`/api/datasets/${datasetName}/rfm-grid?modelId=rfm`)).json()) as { definition: string };
  expect(defaults.definition).toMatch(/percent rank/);
  const saved = await request.post(`/api/datasets/${datasetName}/definitions`, {
    data: {
      modelId: "rfm",
      name: "Fixed",
      definition: {
        mode: "threshold",
        percentileCutPoints: [0.2, 0.4, 0.6, 0.8],
        thresholds: { recencyDaysAtMost: [180, 90, 30, 7], frequencyAtLeast: [2, 3, 5, 10], monetaryAtLeast: [50, 100, 250, 500] },
        segments: ["Champions", "Loyal Customers", "Potential Loyalists", "New Customers", "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost"],
        grid: [
          ["Lost", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
          ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
          ["About to Sleep", "About to Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"],
          ["Promising", "Potential Loyalists", "Potential Loyalists", "Loyal Customers", "Loyal Customers"],
          ["New Customers", "Potential Loyalists", "Potential Loyalists", "Champions", "Champions"],
        ],
      },
    },
  });
  expect(saved.status()).toBe(201);

  await page.goto(`/datasets/${datasetName}/rfm`);
  await page.getByTestId("rfm-grid").getByLabel("Definition").selectOption({ label: "Fixed (v1)" });
  await expect(page).toHaveURL(/def=Fixed/);
  await expect(cell(page, 5, 3).getByTestId("rfm-cell-users")).toHaveText("2");
  await expect(cell(page, 4, 2).getByTestId("rfm-cell-users")).toHaveText("1");
  await expect(cell(page, 5, 1)).toHaveAttribute("data-segment", "New Customers");
  await expect(cell(page, 4, 1).getByTestId("rfm-cell-users")).toHaveText("1");
  await expect(page.locator('[data-testid="rfm-legend-item"][data-segment="Potential Loyalists"]')).toHaveAttribute("data-users", "3");
  await expect(page.getByTestId("rfm-footer")).toContainText("Fixed v1 (threshold scoring)");
  const grid = await expectCellsMatchSegments(request, { name: "Fixed" });
  expect(grid.segments.find((segment) => segment.name === "Potential Loyalists")!.users).toBe(3);
  await page.screenshot({ path: "test-results/screens/rfm-grid-fixed.png", fullPage: true });
});
