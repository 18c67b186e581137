import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDatabase, openDatabase, type Database } from "./client";

/**
 * Database engines that `*.db.test.ts` files run against: always the embedded
 * engine (in memory), plus a real PostgreSQL when TEST_DATABASE_URL is set.
 * Each opened database is fresh and migrated; `close` drops it.
 */
export interface TestEngine {
  name: "pglite" | "postgres";
  open(): Promise<TestDatabase>;
}

export interface TestDatabase extends Database {
  close(): Promise<void>;
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: "pglite", open: openEmbedded }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) engines.push({ name: "postgres", open: () => openScratchPostgres(serverUrl) });
  return engines;
}

async function openEmbedded(): Promise<TestDatabase> {
  const database = await openDatabase({ dataDir: null });
  return { ...database, close: () => closeDatabase(database) };
}

async function openScratchPostgres(serverUrl: string): Promise<TestDatabase> {
  const name = `strata_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await closeDatabase(database);
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
