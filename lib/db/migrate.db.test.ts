import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "./migrate";
import { testEngines, type TestDatabase } from "./testing";

describe.each(testEngines())("migration runner on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("records every migration in _prisma_migrations and is idempotent", async () => {
    const rows = await database.db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(database.db)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const edited = listMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(database.db, edited)).rejects.toThrow(/changed after it was applied/);
  });
});
