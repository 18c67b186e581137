// npm run bench:ingest — 10M events / 500k users through the app's ingest path
// (the `strata ingest` CLI, a separate process so its peak RSS is its own) and,
// in the same run, through raw COPY into a table with the same indexes.
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { demoCsv } from "../lib/demo/demo-csv";
import { freshBenchDatabase, seconds } from "./bench-database";

const USERS = Number(process.env.BENCH_USERS ?? 500_000);
const OUT = "bench/.out";
const FILE = `${OUT}/events-${USERS}.csv`;

async function ensureFile(): Promise<void> {
  if (existsSync(FILE)) return;
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  await pipeline(Readable.from(demoCsv({ seed: 7, users: USERS, start: new Date("2026-01-05T05:00:00Z"), days: 180 })), createWriteStream(FILE));
  console.log(`generated ${FILE} (${(statSync(FILE).size / 2 ** 20).toFixed(0)} MB) in ${seconds(Date.now() - started)}`);
}

async function appIngest(url: string) {
  const started = Date.now();
  const output = execFileSync(process.execPath, ["bin/strata.mjs", "ingest", FILE, "--dataset", "bench", "--format", "csv", "--no-refresh", "--json"], {
    env: { ...process.env, DATABASE_URL: url },
    maxBuffer: 64 * 2 ** 20,
  });
  const report = JSON.parse(output.toString()) as { total: number; accepted: number; rejected: number; duplicates: number; peakRssMb: number };
  return { ms: Date.now() - started, report };
}

async function rawCopy(url: string, indexed: boolean) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const table = indexed ? "raw_indexed" : "raw_plain";
  // Same shape of index work as events: a unique key, (user, time) and a low-cardinality btree.
  await client.query(`CREATE TABLE ${table} (user_id text, event_name text, ts timestamptz, revenue float8, insert_id text ${indexed ? "PRIMARY KEY" : ""}, channel text, plan text, country text)`);
  if (indexed) {
    await client.query(`CREATE INDEX ON ${table} (user_id, ts)`);
    await client.query(`CREATE INDEX ON ${table} (plan)`);
    await client.query(`CREATE INDEX ON ${table} (event_name, ts, user_id)`);
  }
  const started = Date.now();
  await pipeline(createReadStream(FILE, { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  const ms = Date.now() - started;
  const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows as [{ n: number }];
  await client.end();
  return { ms, rows: n };
}

await ensureFile();
const rows = Number(execFileSync("wc", ["-l", FILE]).toString().trim().split(" ")[0]) - 1;
console.log(`input: ${rows.toLocaleString("en-US")} events, ${USERS.toLocaleString("en-US")} users, ${(statSync(FILE).size / 2 ** 20).toFixed(0)} MB`);

const url = await freshBenchDatabase("strata_bench_ingest");
const app = await appIngest(url);
const raw = await rawCopy(url, true);
const plain = await rawCopy(url, false);

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));
console.log(`app ingest (strata ingest, parse + staging COPY + dedupe insert): ${seconds(app.ms)}, ${rate(rows, app.ms).toLocaleString("en-US")} rows/s, peak RSS ${app.report.peakRssMb} MB`);
console.log(`  report: total ${app.report.total} = accepted ${app.report.accepted} + rejected ${app.report.rejected} + duplicates ${app.report.duplicates}`);
console.log(`raw COPY into a table with the same indexes: ${seconds(raw.ms)}, ${rate(raw.rows, raw.ms).toLocaleString("en-US")} rows/s`);
console.log(`raw COPY into an unindexed table (reference): ${seconds(plain.ms)}, ${rate(plain.rows, plain.ms).toLocaleString("en-US")} rows/s`);
console.log(`ratio app / raw COPY (same indexes): ${(raw.ms / app.ms * 100).toFixed(0)}%  (target ≥ 60%)`);
console.log(`ratio app / raw COPY (unindexed): ${(plain.ms / app.ms * 100).toFixed(0)}%`);
