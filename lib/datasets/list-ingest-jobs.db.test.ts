import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { getIngestJob } from "./get-ingest-job";
import { listIngestJobs } from "./list-ingest-jobs";
import { insertDataset, insertJob } from "./test-rows";

describe.each(testEngines())("listIngestJobs on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("lists one dataset's jobs newest first with their counts and duration", async () => {
    const { db } = database;
    const mine = await insertDataset(db, "mine");
    const other = await insertDataset(db, "other");
    const first = await insertJob(db, mine, {
      fileName: "a.csv",
      startedAt: "2026-01-01T00:00:00Z",
      finishedAt: "2026-01-01T00:00:02.500Z",
      total: 10,
      accepted: 7,
      rejected: 2,
      duplicates: 1,
    });
    const second = await insertJob(db, mine, { fileName: "b.csv", startedAt: "2026-01-02T00:00:00Z", status: "running" });
    await insertJob(db, other, { fileName: "c.csv", startedAt: "2026-01-03T00:00:00Z" });

    const { jobs } = await listIngestJobs(db, mine);
    expect(jobs.map((j) => j.id)).toEqual([second, first]);
    expect(jobs[0]).toMatchObject({ fileName: "b.csv", status: "running", finishedAt: null, durationMs: null });
    expect(jobs[1]).toMatchObject({ fileName: "a.csv", total: 10, accepted: 7, rejected: 2, duplicates: 1, durationMs: 2500, bytesTotal: 0 });
    expect((await listIngestJobs(db, mine, { limit: 1 })).jobs.map((j) => j.id)).toEqual([second]);
  });

  it("finds a job with its dataset name, or null", async () => {
    const { db } = database;
    const id = await insertDataset(db, "lookup");
    const jobId = await insertJob(db, id, { fileName: "x.csv", startedAt: "2026-01-01T00:00:00Z", rejected: 4 });
    expect(await getIngestJob(db, jobId)).toEqual({ id: jobId, datasetName: "lookup", fileName: "x.csv", rejected: 4 });
    expect(await getIngestJob(db, 999_999)).toBeNull();
  });
});
