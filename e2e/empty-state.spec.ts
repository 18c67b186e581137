import { expect, test } from "@playwright/test";

// Sorts first among the specs, so it meets the fresh database each run starts with
// (playwright.config.ts). Against a reused server that already holds data it fails
// with the message below instead of passing vacuously.
test("the datasets page explains how to load data when there is none", async ({ page, request }) => {
  const { datasets } = (await (await request.get("/api/datasets")).json()) as { datasets: unknown[] };
  expect(datasets, "this spec needs an empty database: run without a reused server (CI=1) or with a fresh STRATA_E2E_DATA_DIR").toHaveLength(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "No datasets yet" })).toBeVisible();
  await expect(page.getByText("npx strata ingest events.csv --dataset shop")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/01-datasets-empty.png", fullPage: true });
  await page.getByRole("main").getByRole("link", { name: "Upload a file" }).click();
  await expect(page).toHaveURL(/\/upload$/);
});
