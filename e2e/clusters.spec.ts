import { expect, test, type APIRequestContext } from "@playwright/test";
import type { ClusterResponse } from "../lib/clustering/clustering.types";

/**
 * The clusters page on two groups of users that no method can mix up.
 * Time zone UTC, D = 2026-06-30 12:00 (the last event, so the as-of day).
 *
 *   daily  40 users, all active on D−29 and on D (so retained: first seen D−29, active past day 28);
 *          user i skips the floor(i/4) days D−1 … D−floor(i/4) (21–30 active days of the last 30)
 *          and sends 2 + (i mod 4) page_views a minute apart on each active day → recency 0
 *   rare   60 users: user j sends 1 + floor(j/20) page_views a minute apart on day D−60−(j mod 20)
 *          → 0 active days of the last 30, recency 60–79 days, never retained
 *
 * Every user's features differ (DBSCAN needs distinct points for its k-distance curve), yet the
 * groups stay far apart (recency 0 vs ≥ 60, 21+ active days vs 0).
 * With k = 2, k-means and Ward put each group in a cluster of its own; clusters are numbered
 * largest first, so the sizes read 60 / 40, and the retained rates are 0/60 = 0% and 40/40 = 100%.
 */
const D = Date.UTC(2026, 5, 30, 12);
const DAY_MS = 86_400_000;
const datasetName = `clusters-${Date.now().toString(36)}`;

function eventsCsv(): string {
  const lines = ["user_id,event_name,timestamp"];
  const burst = (user: string, dayStart: number, count: number) => {
    for (let event = 0; event < count; event++) lines.push(`${user},page_view,${new Date(dayStart - event * 60_000).toISOString()}`);
  };
  for (let user = 0; user < 40; user++) {
    const skipped = Math.floor(user / 4);
    for (let day = 29; day >= 0; day--) if (day === 0 || day > skipped) burst(`daily-${user}`, D - day * DAY_MS, 2 + (user % 4));
  }
  for (let user = 0; user < 60; user++) burst(`rare-${user}`, D - (60 + (user % 20)) * DAY_MS, 1 + Math.floor(user / 20));
  return `${lines.join("\n")}\n`;
}

async function loadDataset(request: APIRequestContext): Promise<void> {
  const response = await request.post(`/api/datasets/${datasetName}/ingest?fileName=clusters.csv&timezone=UTC`, {
    data: Buffer.from(eventsCsv()),
    headers: { "Content-Type": "text/csv" },
    timeout: 120_000,
  });
  expect(response.ok()).toBe(true);
  const report = JSON.parse((await response.text()).trim().split("\n").at(-1)!) as { status: string };
  expect(report.status).toBe("succeeded");
}

test("k = 2 separates the daily users from the rare ones, as the API does", async ({ page, request }) => {
  test.setTimeout(180_000);
  await loadDataset(request);

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
  const response = await request.post(`/api/datasets/${small}/ingest?fileName=small.csv&timezone=UTC`, { data: Buffer.from(csv), headers: { "Content-Type": "text/csv" } });
  expect(response.ok()).toBe(true);

  await page.goto(`/datasets/${small}/clusters`);
  await page.getByRole("button", { name: "Run clustering" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Clustering could not be run" });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText("at least 50 users");
});
