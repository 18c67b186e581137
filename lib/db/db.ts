import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

/**
 * The one door to the database for raw SQL. Same SQL text on both engines:
 * a real PostgreSQL server (pg pool) or the embedded PGlite.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a multi-statement script without parameters (migrations, DDL). */
  exec(script: string): Promise<void>;
  /** COPY ... FROM STDIN (FORMAT text). `rows` is already-escaped COPY text. */
  copyText(table: string, columns: readonly string[], rows: string): Promise<void>;
  /**
   * COPY (query) TO STDOUT in PostgreSQL's binary format, as byte chunks (read
   * them with readBinaryCopy). For bulk reads: no per-value text parsing. The
   * query is SQL text without parameters (COPY takes none): inline only
   * validated values.
   */
  copyOutBinary(query: string): AsyncIterable<Uint8Array>;
}

export interface Db extends Queryable {
  readonly engine: "postgres" | "pglite";
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The PGlite instance (embedded engine only), for the Prisma adapter. */
  readonly pglite?: PGlite;
  /** The connection pool (PostgreSQL only), shared with the Prisma adapter. */
  readonly pgPool?: pg.Pool;
  readonly connectionString?: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** Identifiers cannot be bound as parameters; only plain lower-case names pass. */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Refusing unsafe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${ident(table)} (${columns.map(ident).join(", ")}) FROM ${source} WITH (FORMAT text)`;
}

function pgQueryable(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as T[];
    },
    async exec(script) {
      await client.query(script);
    },
    async copyText(table, columns, rows) {
      if (!("release" in client)) throw new Error("copyText needs a transaction client");
      const sink = client.query(copyFrom(copyStatement(table, columns, "STDIN")));
      await pipeline(Readable.from([rows]), sink);
    },
    copyOutBinary(query) {
      if (!("release" in client)) throw new Error("copyOutBinary needs a transaction client");
      return client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT binary)`));
    },
  };
}

export function openPostgres(connectionString: string): Db {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // An idle connection the server closes (restart, pg_terminate_backend) must
  // not crash the process; the pool replaces it on next use.
  pool.on("error", (error) => console.warn(`strata: idle database connection closed: ${error.message}`));
  const base = pgQueryable(pool);
  return {
    engine: "postgres",
    connectionString,
    pgPool: pool,
    query: base.query,
    exec: base.exec,
    async copyText(table, columns, rows) {
      const client = await pool.connect();
      try {
        await pgQueryable(client).copyText(table, columns, rows);
      } finally {
        client.release();
      }
    },
    async *copyOutBinary(query) {
      const client = await pool.connect();
      let finished = false;
      try {
        yield* pgQueryable(client).copyOutBinary(query);
        finished = true;
      } finally {
        // A COPY abandoned half-way leaves the connection mid-protocol: discard it rather than reuse it.
        client.release(finished ? undefined : true);
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(pgQueryable(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

type PgliteLike = Pick<PGlite, "query" | "exec">;

function pgliteQueryable(handle: PgliteLike): Queryable {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await handle.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script) {
      await handle.exec(script);
    },
    async copyText(table, columns, rows) {
      // PGlite has no COPY protocol stream; it reads COPY input from a blob.
      await handle.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([rows]) });
    },
    async *copyOutBinary(query) {
      // PGlite writes COPY output to a blob: one chunk (the embedded engine serves small datasets).
      const result = await handle.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT binary)`);
      if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
    },
  };
}

/** Embedded PostgreSQL. `dataDir` undefined = in-memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const base = pgliteQueryable(pglite);
  return {
    engine: "pglite",
    pglite,
    query: base.query,
    exec: base.exec,
    copyText: base.copyText,
    copyOutBinary: base.copyOutBinary,
    transaction: (work) => pglite.transaction((tx) => work(pgliteQueryable(tx))),
    close: () => pglite.close(),
  };
}
