import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { listDatasetUsers } from "./list-dataset-users";
import { userListQuerySchema, type UserListQueryInput } from "./list-dataset-users.types";
import { insertDataset, insertEvents, insertFeatures } from "./test-rows";

const query = (input: UserListQueryInput = {}) => userListQuerySchema.parse(input);

describe.each(testEngines())("listDatasetUsers on $name", (engine) => {
  let database: TestDatabase;
  let datasetId: number;

  beforeAll(async () => {
    database = await engine.open();
    const { db } = database;
    datasetId = await insertDataset(db, "people");
    const otherId = await insertDataset(db, "strangers");
    // Seven users, each with a first event on Jan 1 and a last one on Jan <position>,
    // so lastSeen desc = reverse order.
    // Features for five of them: frequency ties (u2 = u5 = 4) are broken by user id.
    const users: [string, { frequency: number; monetary: number } | null][] = [
      ["u1", { frequency: 9, monetary: 0 }],
      ["u2", { frequency: 4, monetary: 20.5 }],
      ["u3", null],
      ["u4", { frequency: 1, monetary: 3 }],
      ["u5", { frequency: 4, monetary: 100 }],
      ["x_1", { frequency: 7, monetary: 0 }],
      ["x%2", null],
    ];
    for (const [index, [userId, features]] of users.entries()) {
      const day = String(index + 1).padStart(2, "0");
      await insertEvents(db, datasetId, 1, [
        { userId, ts: "2026-01-01T00:00:00Z" },
        { userId, ts: `2026-01-${day}T00:00:00Z` },
      ]);
      if (features) await insertFeatures(db, datasetId, userId, "2026-02-01T00:00:00Z", features);
    }
    await insertEvents(db, otherId, 2, [{ userId: "zz", ts: "2026-01-09T00:00:00Z" }]);
  });
  afterAll(() => database.close());

  it("defaults to last seen, newest first, 50 per page", async () => {
    const page = await listDatasetUsers(database.db, datasetId, query());
    expect(page).toMatchObject({ total: 7, page: 1, pageSize: 50, pageCount: 1, sort: "lastSeen", dir: "desc" });
    expect(page.rows.map((r) => r.userId)).toEqual(["x%2", "x_1", "u5", "u4", "u3", "u2", "u1"]);
    expect(page.rows[0]).toMatchObject({ firstSeen: "2026-01-01T00:00:00.000Z", lastSeen: "2026-01-07T00:00:00.000Z", frequency: null, converted: null });
    expect(page.rows[2]).toMatchObject({ userId: "u5", frequency: 4, monetary: 100, sessionsTotal: 1, converted: false });
  });

  it("pages through a sort without overlap, users without features last", async () => {
    const pages = [];
    for (const pageNumber of [1, 2, 3]) {
      pages.push(await listDatasetUsers(database.db, datasetId, query({ sort: "frequency", dir: "desc", pageSize: 3, page: pageNumber })));
    }
    // 9, 7, 4 (u2 before u5 on the tie), 4, 1, then the two without features by id.
    expect(pages.map((p) => p.rows.map((r) => r.userId))).toEqual([["u1", "x_1", "u2"], ["u5", "u4", "u3"], ["x%2"]]);
    expect(pages.map((p) => [p.total, p.pageCount])).toEqual([[7, 3], [7, 3], [7, 3]]);
  });

  it("sorts ascending and keeps nulls last there too", async () => {
    const page = await listDatasetUsers(database.db, datasetId, query({ sort: "monetary", dir: "asc" }));
    expect(page.rows.map((r) => r.userId)).toEqual(["u1", "x_1", "u4", "u2", "u5", "u3", "x%2"]);
  });

  it("filters by user id prefix literally (no LIKE wildcards)", async () => {
    const underscore = await listDatasetUsers(database.db, datasetId, query({ q: "x_", sort: "userId", dir: "asc" }));
    expect(underscore.rows.map((r) => r.userId)).toEqual(["x_1"]);
    expect(underscore.total).toBe(1);
    const percent = await listDatasetUsers(database.db, datasetId, query({ q: "x%", sort: "userId", dir: "asc" }));
    expect(percent.rows.map((r) => r.userId)).toEqual(["x%2"]);
    const u = await listDatasetUsers(database.db, datasetId, query({ q: "u", sort: "userId", dir: "desc", pageSize: 2 }));
    expect(u).toMatchObject({ total: 5, pageCount: 3 });
    expect(u.rows.map((r) => r.userId)).toEqual(["u5", "u4"]);
  });

  it("returns an empty page past the end with the true total", async () => {
    const page = await listDatasetUsers(database.db, datasetId, query({ page: 9, pageSize: 5 }));
    expect(page).toMatchObject({ rows: [], total: 7, pageCount: 2, page: 9 });
  });
});

describe("userListQuerySchema", () => {
  it("reads URL strings and applies defaults", () => {
    expect(userListQuerySchema.parse({ page: "2", pageSize: "200", q: "  " })).toEqual({
      page: 2,
      pageSize: 200,
      sort: "lastSeen",
      dir: "desc",
      q: undefined,
    });
  });

  it("refuses columns outside the allow-list and oversized pages", () => {
    expect(userListQuerySchema.safeParse({ sort: "user_id; DROP TABLE events" }).success).toBe(false);
    expect(userListQuerySchema.safeParse({ pageSize: "201" }).success).toBe(false);
    expect(userListQuerySchema.safeParse({ dir: "sideways" }).success).toBe(false);
    expect(userListQuerySchema.safeParse({ page: "0" }).success).toBe(false);
  });
});
