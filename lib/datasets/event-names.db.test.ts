import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { testEngines, type TestDatabase } from "../db/testing";
import { NotFoundError } from "../http/not-found-error";
import { listEventNames } from "./event-names";

describe.each(testEngines())("listEventNames on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    clearAnalysisCache();
    const [dataset] = await database.db.query<{ id: number }>(`INSERT INTO datasets (name) VALUES ('names') RETURNING id`);
    // page_view ×3, signup ×2, login ×2, upgrade ×1 (login and signup tie: by name).
    const names = ["page_view", "signup", "page_view", "login", "signup", "upgrade", "login", "page_view"];
    for (const [index, name] of names.entries()) {
      await database.db.query(`INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id) VALUES ($1, $2, 'u', $3, now(), 1)`, [
        dataset!.id,
        `k${index}`,
        name,
      ]);
    }
  });
  afterAll(() => database?.close());

  it("lists event names most frequent first, ties by name", async () => {
    expect(await listEventNames(database.db, "names")).toEqual([
      { name: "page_view", events: 3 },
      { name: "login", events: 2 },
      { name: "signup", events: 2 },
      { name: "upgrade", events: 1 },
    ]);
    await expect(listEventNames(database.db, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });
});
