import { expect, test, type Page } from "@playwright/test";
import type { ComputeSegmentsResponse } from "../lib/segments/compute-segments.types";
import { loadDailyAndRareUsers } from "./fixtures/daily-and-rare-users";

/**
 * Save a clustering as a segment definition and use it as segments: on the
 * two groups of fixtures/daily-and-rare-users.ts, k-means at k = 2 finds 60
 * rare and 40 daily users. Saved (first cluster renamed), the Clusters model
 * of the Segments tab shows the same 60 / 40 the segments API computes.
 */
const datasetName = `save-clusters-${Date.now().toString(36)}`;
const DEFINITION = "Two groups";

function segmentRow(page: Page, segment: string) {
  return page.locator(`[data-testid="segment-row"][data-segment="${segment}"]`);
}

test("a saved clustering becomes the Clusters model's segments, sized as the API sizes them", async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await loadDailyAndRareUsers(request, datasetName);

  // Before anything is saved, the model says where a definition comes from.
  const noDefinition = await request.post(`/api/datasets/${datasetName}/segments`, { data: { modelId: "clusters" } });
  expect(noDefinition.status()).toBe(400);
  expect(((await noDefinition.json()) as { error: { code: string; message: string } }).error).toEqual({
    code: "definition_required",
    message: "The Clusters model has no built-in definition: save a clustering from the Clusters tab first, then name it.",
  });
  await page.goto(`/datasets/${datasetName}/segments?model=clusters`);
  await expect(page.getByRole("heading", { name: "No saved clustering yet — run one on the Clusters tab" })).toBeVisible();
  await page.screenshot({ path: "/tmp/clusters-segments-empty.png" });
  await page.getByRole("link", { name: "Go to Clusters" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}/clusters$`));

  await page.getByLabel("Number of clusters (k)").selectOption("2");
  await page.getByRole("button", { name: "Run clustering" }).click();
  await expect(page.getByTestId("cluster-results")).toBeVisible({ timeout: 60_000 });
  await page.getByLabel("Clusters of").selectOption("kmeans");
  await expect(page.getByRole("heading", { name: "Clusters found by k-means" })).toBeVisible();
  await expect(page.getByTestId("cluster-row").getByTestId("cluster-size")).toHaveText(["60", "40"]);
  await page.getByLabel("Name of cluster 1").fill("Lapsed one-timers");
  const dailyName = await page.getByLabel("Name of cluster 2").inputValue();

  await page.getByRole("button", { name: "Save as segment definition" }).click();
  const form = page.getByRole("form", { name: "Save clustering as a segment definition" });
  await form.getByLabel("Definition name").fill(DEFINITION);
  await form.getByLabel(/^Note/).fill("k = 2 on the default features");
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/clusters-save.png" });
  await form.getByRole("button", { name: "Save definition" }).click();
  await expect(page.getByText(`Saved “${DEFINITION}” as version 1`)).toBeVisible();

  // The saved definition, computed by the segments API.
  const api = (await (
    await request.post(`/api/datasets/${datasetName}/segments`, { data: { modelId: "clusters", definitionRef: { name: DEFINITION } } })
  ).json()) as ComputeSegmentsResponse;
  expect(api.definitionVersion).toBe(1);
  expect(api.segments.map((segment) => [segment.name, segment.users])).toEqual([
    ["Lapsed one-timers", 60],
    [dailyName, 40],
    ["Not clustered", 0],
  ]);

  await page.getByRole("link", { name: "Open it in Segments" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetName}/segments\\?`));
  await expect(page.getByLabel("Model")).toHaveValue("clusters");
  await expect(page.getByLabel("Start from")).toHaveValue(DEFINITION);
  for (const segment of api.segments) {
    await expect(segmentRow(page, segment.name).getByTestId("segment-users"), segment.name).toHaveText(segment.users.toLocaleString("en-US"));
  }
  await expect(page.getByTestId("users-in-view")).toHaveText("100");
  // No sliders for centroids: the only fields are the cluster names.
  await expect(page.getByRole("slider")).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Cluster names: Cluster 1" })).toHaveValue("Lapsed one-timers");
  await page.screenshot({ path: "/tmp/clusters-segments.png" });

  // Renaming a cluster and saving makes version 2, with the same members.
  await page.getByRole("textbox", { name: "Cluster names: Cluster 2" }).fill("Daily regulars");
  await expect(segmentRow(page, "Daily regulars").getByTestId("segment-users")).toHaveText("40");
  await page.getByRole("button", { name: "Save definition…" }).click();
  const saveForm = page.getByRole("form", { name: "Save definition" });
  await expect(saveForm.getByTestId("save-changes")).toContainText("Daily regulars");
  await saveForm.getByRole("button", { name: "Save as v2" }).click();
  await expect(page.getByText(`Saved “${DEFINITION}” as version 2`)).toBeVisible();
  const v2 = (await (
    await request.post(`/api/datasets/${datasetName}/segments`, { data: { modelId: "clusters", definitionRef: { name: DEFINITION, version: 2 } } })
  ).json()) as ComputeSegmentsResponse;
  expect(v2.segments.map((segment) => [segment.name, segment.users])).toEqual([
    ["Lapsed one-timers", 60],
    ["Daily regulars", 40],
    ["Not clustered", 0],
  ]);
});
