import { expect, test } from "@playwright/test";
import { ingestCsv } from "./fixtures/ingest-csv";
import type { ClusterResponse } from "../lib/clustering/clustering.types";
import { loadDailyAndRareUsers } from "./fixtures/daily-and-rare-users";

/** The clusters page on two groups of users that no method can mix up (fixtures/daily-and-rare-users.ts). */
const datasetName = `clusters-${Date.now().toString(36)}`;

test("k = 2 separates the daily users from the rare ones, as the API does", async ({ page, request }) => {
  test.setTimeout(180_000);
  await loadDailyAndRareUsers(request, datasetName);

  await page.goto(`/datasets/${datasetName}/clusters`);
  await expect(page.getByRole("link", { name: "Clusters" })).toHaveAttribute("aria-current", "page");
  // The default feature set is preselected.
  await expect(page.getByRole("checkbox", { name: "Sessions per week" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Recency" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Monetary value" })).not.toBeChecked();

  await page.getByLabel("Number of clusters (k)").selectOption("2");
  await page.getByRole("button", { name: "Run clustering" }).click();
  const results = page.getByTestId("cluster-results");
  await expect(results).toBeVisible({ timeout: 60_000 });

  // Hand-computed: 60 rare users, 40 daily users, largest first.
  await expect(page.getByTestId("kmeans-Cluster sizes")).toHaveText("60 / 40");
  await expect(page.getByTestId("ward-Cluster sizes")).toHaveText("60 / 40");

  const api = (await (
    await request.post(`/api/datasets/${datasetName}/clusters`, { data: { k: 2, outcome: "retained" }, timeout: 60_000 })
  ).json()) as ClusterResponse;
  expect(api.users).toBe(100);
  expect(api.kmeans.clusters.map((cluster) => cluster.size)).toEqual([60, 40]);
  expect(api.kmeans.clusters.map((cluster) => cluster.outcome.rate)).toEqual([0, 1]);

  // The cluster table shows the recommended method's clusters, exactly as the API returns them.
  const recommended = api[api.recommendation.method];
  const clustered = recommended.clusters.filter((cluster) => cluster.index >= 0);
  await expect(page.getByTestId("cluster-row").getByTestId("cluster-size")).toHaveText(clustered.map((cluster) => String(cluster.size)));
  await expect(page.getByTestId("recommendation")).toContainText(api.recommendation.text);
  if (api.recommendation.method !== "dbscan") {
    await expect(page.getByTestId("cluster-row").getByTestId("cluster-size")).toHaveText(["60", "40"]);
  }

  // Names are editable in place.
  const firstName = page.getByLabel("Name of cluster 1");
  await expect(firstName).toHaveValue(clustered[0]!.name);
  await firstName.fill("Lapsed one-timers");
  await expect(firstName).toHaveValue("Lapsed one-timers");

  await page.screenshot({ path: "test-results/screens/clusters.png", fullPage: true });
});

test("a dataset too small to cluster shows the server's reason", async ({ page, request }) => {
  const small = `${datasetName}-small`;
  // 3 users: below the 50-user minimum of run-clustering.ts.
  const csv = "user_id,event_name,timestamp\na,page_view,2026-06-01T10:00:00Z\nb,page_view,2026-06-02T10:00:00Z\nc,page_view,2026-06-03T10:00:00Z\n";
  await ingestCsv(request, small, csv);

  await page.goto(`/datasets/${small}/clusters`);
  await page.getByRole("button", { name: "Run clustering" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Clustering could not be run" });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText("at least 50 users");
});
