import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { readEnv } from "../env";
import { openPglite, openPostgres, type Db } from "./db";
import { migrate } from "./migrate";

export interface Database {
  db: Db;
  prisma: PrismaClient;
}

/** Opens PostgreSQL when a URL is given, else the embedded database, and migrates it. */
export async function openDatabase(options: { url?: string; dataDir?: string | null } = {}): Promise<Database> {
  const db = options.url
    ? openPostgres(options.url)
    : await openPglite(options.dataDir === null ? undefined : options.dataDir);
  await migrate(db);
  // One pool per process: Prisma and raw SQL share it (and its error handler).
  const adapter = db.pglite ? new PrismaPGlite(db.pglite) : new PrismaPg(db.pgPool!);
  return { db, prisma: new PrismaClient({ adapter }) };
}

export async function closeDatabase(database: Database): Promise<void> {
  await database.prisma.$disconnect();
  await database.db.close();
}

const globalCache = globalThis as unknown as { strataDatabase?: Promise<Database> };

/** The process-wide database chosen from the environment (`DATABASE_URL` or embedded under STRATA_DATA_DIR). */
export function getDatabase(): Promise<Database> {
  if (!globalCache.strataDatabase) {
    const env = readEnv();
    globalCache.strataDatabase = openDatabase({ url: env.DATABASE_URL, dataDir: env.STRATA_DATA_DIR }).catch((error) => {
      globalCache.strataDatabase = undefined;
      throw error;
    });
  }
  return globalCache.strataDatabase;
}
