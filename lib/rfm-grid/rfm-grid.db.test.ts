import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { testEngines, type TestDatabase } from "../db/testing";
import { DEFAULT_RFM } from "../definitions/rfm";
import { computeSegments } from "../segments/compute-segments";
import { clearFeatureCache } from "../segments/feature-cache";
import { saveDefinition } from "../segments/segment-definitions";
import { createFeatureDataset, insertFeatureRows, recordRefresh } from "../segments/segment-fixtures";
import { segmentScopeSchema } from "../segments/segment-scope.types";
import { getRfmGrid, listRfmCellMembers, rfmCellCsv } from "./rfm-grid";
import { rfmCellQuerySchema } from "./rfm-grid.types";

const DATASET = "rfm-grid-test";

/**
 * Saved "Fixed" = the default grid with threshold scoring: R from recency ≤ 180/90/30/7 days, F from
 * frequency ≥ 2/3/5/10. Users:
 *   c1   recency 3,   frequency 12, monetary 600  → R5 F5 Champions
 *   c2   recency 3,   frequency 12, monetary 200  → R5 F5 Champions (same cell, tie)
 *   c3   recency 20,  frequency 4,  monetary 90   → R4 F3 Potential Loyalists
 *   c4   recency 200, frequency 1,  monetary 0    → R1 F1 Lost
 *   =c5  recency 100, frequency 2,  monetary 30   → R2 F2 Hibernating (an id a spreadsheet would run as a formula)
 * Cell R5 F5: 2 users, 40%, average monetary 400. Channel "ads" (c1, c3): R5 F5 1 user, 50%.
 */
describe.each(testEngines())("RFM grid on $name", (engine) => {
  let database: TestDatabase;
  const scope = (params: Record<string, unknown> = {}) => segmentScopeSchema.parse({ modelId: "rfm", definitionRef: { name: "Fixed" }, ...params });

  beforeAll(async () => {
    database = await engine.open();
    clearFeatureCache();
    clearAnalysisCache();
    const id = await createFeatureDataset(database.db, DATASET);
    await insertFeatureRows(database.db, id, [
      { userId: "c1", recencyDays: 3, frequency: 12, monetary: 600, channel: "ads" },
      { userId: "c2", recencyDays: 3, frequency: 12, monetary: 200 },
      { userId: "c3", recencyDays: 20, frequency: 4, monetary: 90, channel: "ads" },
      { userId: "c4", recencyDays: 200, frequency: 1, monetary: 0 },
      { userId: "=c5", recencyDays: 100, frequency: 2, monetary: 30 },
    ]);
    await recordRefresh(database.db, id);
    await saveDefinition(database.db, DATASET, { modelId: "rfm", name: "Fixed", definition: { ...DEFAULT_RFM, mode: "threshold" } });
  });
  afterAll(() => database.close());

  it("counts users, % and average monetary per cell with the named segment", async () => {
    const grid = await getRfmGrid(database.db, DATASET, scope());
    expect([grid.definitionName, grid.definitionVersion, grid.mode, grid.usersInView, grid.unscoredUsers]).toEqual(["Fixed", 1, "threshold", 5, 0]);
    const nonEmpty = grid.cells.filter((cell) => cell.users > 0).map((cell) => [cell.recencyScore, cell.frequencyScore, cell.users, cell.percent, cell.averageMonetary, cell.segment]);
    expect(nonEmpty).toEqual([
      [5, 5, 2, 40, 400, "Champions"],
      [4, 3, 1, 20, 90, "Potential Loyalists"],
      [2, 2, 1, 20, 30, "Hibernating"],
      [1, 1, 1, 20, 0, "Lost"],
    ]);
  });

  it("sums each named segment's cells to its size on the Segments page, filtered or not", async () => {
    for (const filters of [{}, { channel: ["ads"] }]) {
      const grid = await getRfmGrid(database.db, DATASET, scope({ filters }));
      const page = await computeSegments(database.db, DATASET, { modelId: "rfm", definitionRef: { name: "Fixed" }, filters, notes: false });
      for (const segment of page.segments.filter((s) => s.name !== "Not scored")) {
        const cells = grid.cells.filter((cell) => cell.segment === segment.name).reduce((sum, cell) => sum + cell.users, 0);
        expect(cells, `${segment.name} ${JSON.stringify(filters)}`).toBe(segment.users);
      }
      expect(grid.usersInView).toBe(page.filteredUsers);
    }
    const ads = await getRfmGrid(database.db, DATASET, scope({ filters: { channel: ["ads"] } }));
    expect(ads.cells.find((cell) => cell.recencyScore === 5 && cell.frequencyScore === 5)).toMatchObject({ users: 1, percent: 50, averageMonetary: 600 });
  });

  it("lists a cell's users, highest monetary first, as JSON pages and formula-safe CSV", async () => {
    const page = await listRfmCellMembers(database.db, DATASET, scope(), rfmCellQuerySchema.parse({ r: "5", f: "5", pageSize: "1" }));
    expect([page.segment, page.total, page.pageCount]).toEqual(["Champions", 2, 2]);
    expect(page.rows).toEqual([{ userId: "c1", recencyDays: 3, frequency: 12, monetary: 600, recencyScore: 5, frequencyScore: 5, monetaryScore: 5 }]);
    const second = await listRfmCellMembers(database.db, DATASET, scope(), rfmCellQuerySchema.parse({ r: "5", f: "5", pageSize: "1", page: "2" }));
    expect(second.rows.map((row) => row.userId)).toEqual(["c2"]);
    const { fileName, csv } = await rfmCellCsv(database.db, DATASET, scope(), 2, 2);
    expect(fileName).toBe("rfm-grid-test_rfm-r2-f2-hibernating_v1_2026-06-29.csv");
    expect(csv).toBe("user_id,recency_days,frequency,monetary,recency_score,frequency_score,monetary_score,segment\r\n'=c5,100,2,30,2,2,1,Hibernating\r\n");
  });
});
