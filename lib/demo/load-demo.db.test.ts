import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { DEMO_DATASET, DEMO_DAYS, DEMO_SEED, DEMO_START } from "./demo-dataset";
import { generateDemoEvents } from "./demo-events";
import { loadDemo } from "./load-demo";

describe.each(testEngines())("loadDemo on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("loads every generated event through ingest, refreshes features, and is idempotent", async () => {
    const generated = [...generateDemoEvents({ seed: DEMO_SEED, users: 150, start: DEMO_START, days: DEMO_DAYS })];
    const users = new Set(generated.map((event) => event.userId)).size;

    const first = await loadDemo(database.db, { users: 150 });
    expect(first).toMatchObject({ datasetName: DEMO_DATASET.name, skipped: false, accepted: generated.length });
    expect(first.refresh?.users).toBe(users);

    const [settings] = await database.db.query<{ timezone: string; conversion_event: string; core_features: string[] }>(
      `SELECT timezone, conversion_event, core_features FROM datasets WHERE name = $1`,
      [DEMO_DATASET.name],
    );
    expect(settings).toEqual({ timezone: "America/New_York", conversion_event: "upgrade", core_features: [...DEMO_DATASET.coreFeatures] });

    const second = await loadDemo(database.db, { users: 150 });
    expect(second.skipped).toBe(true);
    const [count] = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    expect(count!.n).toBe(generated.length);
  });
});
