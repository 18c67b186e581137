import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";

// e2e/fixtures/events-200.csv: 200 data rows (lines 2–201) by 20 users (user_01…user_20).
// Line 42 has an empty user id, line 102 month 13, line 152 revenue "twelve";
// lines 62 and 182 repeat earlier rows with the same insert id.
// So: 200 = 195 accepted + 3 rejected + 2 duplicates.
const FIXTURE = "e2e/fixtures/events-200.csv";
const EXPECTED = { total: "200", accepted: "195", rejected: "3", duplicates: "2", users: "20" };

const screens = (name: string) => `test-results/screens/${name}.png`;

/** One dataset per run, so a reused server (or a shared PostgreSQL) cannot skew the counts. */
const datasetName = `e2e-${Date.now().toString(36)}`;

async function firstUserId(page: Page): Promise<string> {
  return (await page.locator("tbody tr").first().locator("th").textContent())?.trim() ?? "";
}

test.describe.configure({ mode: "serial" });

test("file-level problems are shown as the loader words them, and nothing is loaded", async ({ page, request }) => {
  await page.goto("/upload");
  const alert = page.getByRole("alert").filter({ hasText: "could not be loaded" });
  await page.getByLabel("Event file", { exact: true }).setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await page.getByLabel("Dataset", { exact: true }).fill(`${datasetName}-bad`);
  await page.getByRole("button", { name: "Upload and load" }).click();
  await expect(alert).toContainText("The file is empty");
  await page.screenshot({ path: screens("02-upload-file-error"), fullPage: true });

  // 3 MB of binary: refused from its first bytes; the rest is drained so the browser sees the answer quickly.
  const binary = Buffer.alloc(3 * 1024 * 1024, 0);
  await page.getByLabel("Event file", { exact: true }).setInputFiles({ name: "export.zip", mimeType: "application/zip", buffer: binary });
  await page.getByRole("button", { name: "Upload and load" }).click();
  await expect(alert).toContainText(/binary/i, { timeout: 5_000 });

  const { datasets } = (await (await request.get("/api/datasets")).json()) as { datasets: { name: string }[] };
  expect(datasets.map((dataset) => dataset.name)).not.toContain(`${datasetName}-bad`);
});

test("upload a CSV, read the report, download the rejects, explore the dataset", async ({ page }) => {
  await page.goto("/upload");
  await expect(page.getByRole("heading", { name: "Upload events" })).toBeVisible();

  // Validation before anything is sent.
  await page.getByRole("button", { name: "Upload and load" }).click();
  await expect(page.getByText("Choose a file to upload")).toBeVisible();

  await page.getByLabel("Event file", { exact: true }).setInputFiles(FIXTURE);
  await expect(page.getByTestId("selected-file")).toHaveText("events-200.csv");
  await page.getByLabel("Dataset", { exact: true }).fill(datasetName);
  await expect(page.getByText("A new dataset will be created.")).toBeVisible();
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.screenshot({ path: screens("03-upload-form"), fullPage: true });

  // Record every value the progress bar shows (an 11 KB upload is over in a blink).
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const value = bar?.getAttribute("aria-valuenow");
      if (value !== null && value !== undefined && seen[seen.length - 1] !== Number(value)) seen.push(Number(value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });

  await page.getByRole("button", { name: "Upload and load" }).click();
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();

  // The report replaces the progress card.
  await expect(page.getByTestId("report-total")).toHaveText(EXPECTED.total, { timeout: 30_000 });
  const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(progressSeen[0]).toBeLessThan(100);
  expect(progressSeen).toEqual([...progressSeen].sort((a, b) => a - b));
  expect(progressSeen.at(-1)).toBe(100);

  await expect(page.getByTestId("report-accepted")).toHaveText(EXPECTED.accepted);
  await expect(page.getByTestId("report-rejected")).toHaveText(EXPECTED.rejected);
  await expect(page.getByTestId("report-duplicates")).toHaveText(EXPECTED.duplicates);
  const rejectRows = page.getByTestId("reject-row");
  await expect(rejectRows).toHaveCount(3);
  // Line and field are the contract; the reason's wording belongs to lib/ingest.
  for (const [index, [line, field]] of [["42", "user_id"], ["102", "timestamp"], ["152", "revenue"]].entries()) {
    await expect(rejectRows.nth(index).locator("td").nth(0)).toHaveText(line!);
    await expect(rejectRows.nth(index).locator("td").nth(1)).toHaveText(field!);
  }
  await page.screenshot({ path: screens("05-upload-report"), fullPage: true });

  // All rejects as CSV: a header and one line per rejected row.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all rejects (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${datasetName}-events-200-rejects-job-\\d+\\.csv$`));
  const csvLines = (await readFile((await download.path())!, "utf8")).trim().split(/\r?\n/);
  expect(csvLines[0]).toBe("line,field,value,reason");
  expect(csvLines.slice(1).map((line) => line.split(",")[0])).toEqual(["42", "102", "152"]);

  // The dataset page: sizes, the users table, sorting.
  await page.getByRole("link", { name: "Open dataset" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}$`));
  await expect(page.getByRole("heading", { level: 1, name: datasetName })).toBeVisible();
  await expect(page.getByTestId("dataset-events")).toHaveText(EXPECTED.accepted);
  await expect(page.getByTestId("dataset-users")).toHaveText(EXPECTED.users);
  await expect(page.getByTestId("users-total")).toHaveText(EXPECTED.users);
  await expect(page.locator("tbody tr")).toHaveCount(20);
  await page.screenshot({ path: screens("06-dataset-users"), fullPage: true });

  const userIdHeader = page.getByRole("columnheader", { name: "User ID" });
  await userIdHeader.getByRole("button").click();
  await expect(userIdHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=userId&dir=asc/);
  await expect.poll(() => firstUserId(page)).toBe("user_01");
  await userIdHeader.getByRole("button").click();
  await expect(userIdHeader).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => firstUserId(page)).toBe("user_20");
  const ids = await page.locator("tbody tr th").allTextContents();
  expect(ids).toEqual([...ids].sort().reverse());

  // A feature column: monetary = revenue summed per user. Each user_NN bought twice at
  // NN × 1.50, so user_20 leads with 60.00 and user_01 trails with 3.00.
  await expect(page.getByTestId("dataset-users-with-features")).toHaveText(EXPECTED.users);
  const monetaryHeader = page.getByRole("columnheader", { name: "Monetary" });
  await monetaryHeader.getByRole("button").click();
  await expect(monetaryHeader).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => firstUserId(page)).toBe("user_20");
  const monetaryCell = 4; // data cells after the user id: first seen, last seen, recency, frequency, monetary
  await expect(page.locator("tbody tr").first().locator("td").nth(monetaryCell)).toHaveText("60.00");
  await expect(page.locator("tbody tr").last().locator("td").nth(monetaryCell)).toHaveText("3.00");

  // Search narrows by id prefix (literally, from the first character).
  await page.getByLabel("Find users by ID").fill("user_1");
  await expect(page.getByTestId("users-total")).toHaveText("10");
  await expect.poll(() => firstUserId(page)).toBe("user_19");
  await page.getByLabel("Find users by ID").fill("nobody");
  await expect(page.getByRole("heading", { name: "No user ID starts with “nobody”" })).toBeVisible();
  await page.screenshot({ path: screens("07-dataset-users-no-match"), fullPage: true });
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(page.getByTestId("users-total")).toHaveText(EXPECTED.users);

  // Ingest history: this upload, with its accounting.
  await page.getByRole("link", { name: "Ingest history" }).click();
  const job = page.getByTestId("ingest-job-row");
  await expect(job).toHaveCount(1);
  await expect(job).toContainText("events-200.csv");
  await expect(job).toContainText("Succeeded");
  await expect(job.locator("td").nth(2)).toHaveText(EXPECTED.total);
  await expect(job.locator("td").nth(3)).toHaveText(EXPECTED.accepted);
  await expect(job.locator("td").nth(4)).toHaveText(EXPECTED.rejected);
  await expect(job.locator("td").nth(5)).toHaveText(EXPECTED.duplicates);
  await expect(job.getByRole("link", { name: /Download CSV/ })).toHaveAttribute("href", /\/api\/jobs\/\d+\/rejects\.csv$/);
  await page.screenshot({ path: screens("08-dataset-history"), fullPage: true });

  // And the datasets list shows it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Datasets" }).click();
  const row = page.getByRole("row", { name: new RegExp(datasetName) });
  await expect(row).toContainText(`${EXPECTED.accepted}`);
  await expect(row).toContainText("Europe/Berlin");
  await page.screenshot({ path: screens("09-datasets-list"), fullPage: true });
});

test("a large file streams: the bar moves with bytes sent and rows loaded", async ({ page }) => {
  // 150,000 generated rows (~8 MB) from 5,000 users, uploaded at ~4 MB/s so progress can be watched.
  const rows = 150_000;
  const lines = ["user_id,event_name,timestamp,revenue,insert_id"];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) lines.push(`user_${i % 5000},page_view,${new Date(start + i * 1000).toISOString()},,e${i}`);
  const buffer = Buffer.from(`${lines.join("\n")}\n`);

  await page.goto("/upload");
  await page.getByLabel("Event file", { exact: true }).setInputFiles({ name: "large.csv", mimeType: "text/csv", buffer });
  await page.getByLabel("Dataset", { exact: true }).fill(`${datasetName}-large`);
  await page.evaluate(() => {
    const seen: { percent: number; figures: string }[] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
      const figures = document.querySelector('[data-testid="upload-figures"]')?.textContent ?? "";
      const last = seen[seen.length - 1];
      if (value != null && (last?.percent !== Number(value) || last.figures !== figures)) seen.push({ percent: Number(value), figures });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 5, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });

  await page.getByRole("button", { name: "Upload and load" }).click();
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
  await expect(page.getByTestId("upload-figures")).toContainText(/MB of \d+\.\d MB · [1-9][\d,]* rows/, { timeout: 30_000 });
  await page.screenshot({ path: screens("10-upload-progress-large"), fullPage: true });

  await expect(page.getByTestId("report-total")).toHaveText("150,000", { timeout: 60_000 });
  await expect(page.getByTestId("report-accepted")).toHaveText("150,000");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  const seen = await page.evaluate(() => (window as unknown as { progressSeen: { percent: number; figures: string }[] }).progressSeen);
  const percents = seen.map((entry) => entry.percent);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(percents.some((percent) => percent > 0 && percent < 100)).toBe(true);
  expect(percents.at(-1)).toBe(100);
  // Rows were reported as batches committed, not only in the final report. (Chromium reads
  // the response only once the request body is sent, so rows follow the bytes.)
  const rowCounts = seen.map((entry) => Number(/· ([\d,]+) rows/.exec(entry.figures)?.[1]?.replaceAll(",", "") ?? 0));
  expect(rowCounts.some((count) => count > 0 && count < rows)).toBe(true);

  // 5,000 users page through 50 at a time; the URL keeps the page.
  await page.getByRole("link", { name: "Open dataset" }).click();
  await expect(page.getByTestId("users-range")).toHaveText("Showing 1–50 of 5,000 users");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("users-range")).toHaveText("Showing 51–100 of 5,000 users");
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await page.getByLabel("Rows per page").selectOption("200");
  await expect(page.getByTestId("users-range")).toHaveText("Showing 1–200 of 5,000 users");
  await expect(page.locator("tbody tr")).toHaveCount(200);
  await page.goBack();
  await expect(page.getByTestId("users-range")).toHaveText("Showing 51–100 of 5,000 users");
});
