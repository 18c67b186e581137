import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { cachedAnalysis, clearAnalysisCache, readDataVersion, stableKey } from "./result-cache";

describe("stableKey", () => {
  it("ignores key order and writes dates as instants", () => {
    expect(stableKey({ b: 1, a: { d: [2, 1], c: null } })).toBe(stableKey({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(stableKey({ at: new Date("2026-01-02T03:04:05Z") })).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
    expect(stableKey({ a: [1, 2] })).not.toBe(stableKey({ a: [2, 1] }));
  });
});

describe.each(testEngines())("cachedAnalysis ($name)", (engine) => {
  let database: TestDatabase;
  let datasetId: number;

  beforeAll(async () => {
    database = await engine.open();
    const [row] = await database.db.query<{ id: number }>(`INSERT INTO datasets (name) VALUES ('cache-test') RETURNING id`);
    datasetId = row!.id;
    clearAnalysisCache();
  });
  afterAll(() => database.close());

  function counter() {
    let calls = 0;
    return { compute: async () => ++calls, calls: () => calls };
  }

  it("computes once per parameters and data version", async () => {
    const { db } = database;
    const count = counter();
    expect(await cachedAnalysis(db, datasetId, "test", { a: 1, b: 2 }, count.compute)).toBe(1);
    expect(await cachedAnalysis(db, datasetId, "test", { b: 2, a: 1 }, count.compute)).toBe(1);
    expect(await cachedAnalysis(db, datasetId, "test", { a: 2, b: 2 }, count.compute)).toBe(2);
    expect(await cachedAnalysis(db, datasetId, "other-kind", { a: 1, b: 2 }, count.compute)).toBe(3);
    expect(count.calls()).toBe(3);
  });

  it("recomputes after an ingest batch, a settings edit or a feature refresh", async () => {
    const { db } = database;
    const count = counter();
    const ask = () => cachedAnalysis(db, datasetId, "versioned", {}, count.compute);
    expect(await ask()).toBe(1);
    expect(await ask()).toBe(1);

    const before = await readDataVersion(db, datasetId);
    const [job] = await db.query<{ id: number }>(
      `INSERT INTO ingest_jobs (dataset_id, file_name, fingerprint, format) VALUES ($1, 'a.csv', 'f', 'csv') RETURNING id`,
      [datasetId],
    );
    expect(await ask()).toBe(2);
    await db.query(`UPDATE ingest_jobs SET accepted = accepted + 10 WHERE id = $1`, [job!.id]);
    expect(await ask()).toBe(3);
    await db.query(`UPDATE datasets SET timezone = 'Asia/Shanghai' WHERE id = $1`, [datasetId]);
    expect(await ask()).toBe(4);
    expect(await ask()).toBe(4);
    expect(await readDataVersion(db, datasetId)).not.toBe(before);
  });

  it("does not keep failures", async () => {
    const { db } = database;
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return "ok";
    };
    await expect(cachedAnalysis(db, datasetId, "flaky", {}, flaky)).rejects.toThrow("boom");
    expect(await cachedAnalysis(db, datasetId, "flaky", {}, flaky)).toBe("ok");
    expect(calls).toBe(2);
  });

  it("shares one computation between concurrent identical requests", async () => {
    const { db } = database;
    const count = counter();
    const results = await Promise.all([1, 2, 3].map(() => cachedAnalysis(db, datasetId, "concurrent", { x: 1 }, count.compute)));
    expect(results).toEqual([1, 1, 1]);
    expect(count.calls()).toBe(1);
  });
});
