import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "./testing";

/**
 * prisma/schema.prisma is the source of truth for the client; the SQL
 * migrations are hand-written. This test reads both and fails on any drift:
 * tables, columns, types, nullability, primary keys, indexes, foreign keys.
 */

interface ModelColumn {
  column: string;
  sqlType: string;
  nullable: boolean;
}
interface Model {
  table: string;
  columns: ModelColumn[];
  primaryKey: string[];
  indexes: string[][];
  uniques: string[][];
  foreignKeys: { columns: string[]; table: string }[];
}

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function parseSchema(text: string): Model[] {
  const blocks = [...text.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)];
  const modelNames = new Set(blocks.map((block) => block[1]!));
  const tableOf = new Map<string, string>();
  for (const [, name, body] of blocks) tableOf.set(name!, /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!);
  return blocks.map(([, , body]) => {
    const lines = body!.split("\n").map((line) => line.replace(/\/\/.*$/, "").trim()).filter(Boolean);
    const fieldColumn = new Map<string, string>();
    const model: Model = { table: "", columns: [], primaryKey: [], indexes: [], uniques: [], foreignKeys: [] };
    const relations: { fields: string[]; target: string }[] = [];
    for (const line of lines) {
      if (line.startsWith("@@")) continue;
      const [name, rawType = ""] = line.split(/\s+/);
      const type = rawType.replace(/[?[\]]/g, "");
      const column = /@map\("([^"]+)"\)/.exec(line)?.[1] ?? name!;
      if (modelNames.has(type)) {
        const fields = /fields:\s*\[([^\]]+)\]/.exec(line)?.[1];
        if (fields) relations.push({ fields: fields.split(",").map((f) => f.trim()), target: tableOf.get(type)! });
        continue;
      }
      fieldColumn.set(name!, column);
      const isList = rawType.endsWith("[]");
      let sqlType = isList ? "ARRAY" : SCALARS[type]!;
      if (type === "DateTime" && /@db\.Timestamptz/.test(line)) sqlType = "timestamp with time zone";
      if (type === "DateTime" && /@db\.Date\b/.test(line)) sqlType = "date";
      if (type === "Int" && /@db\.SmallInt\b/.test(line)) sqlType = "smallint";
      model.columns.push({ column, sqlType, nullable: rawType.endsWith("?") || isList });
      if (/@id\b/.test(line)) model.primaryKey = [column];
      if (/@unique\b/.test(line)) model.uniques.push([column]);
    }
    const columnsOf = (list: string) => list.split(",").map((f) => fieldColumn.get(f.trim())!);
    for (const line of lines) {
      const id = /^@@id\(\[([^\]]+)\]/.exec(line);
      if (id) model.primaryKey = columnsOf(id[1]!);
      const index = /^@@index\(\[([^\]]+)\]/.exec(line);
      if (index) model.indexes.push(columnsOf(index[1]!));
      const unique = /^@@unique\(\[([^\]]+)\]/.exec(line);
      if (unique) model.uniques.push(columnsOf(unique[1]!));
      const map = /^@@map\("([^"]+)"\)/.exec(line);
      if (map) model.table = map[1]!;
    }
    model.foreignKeys = relations.map((relation) => ({ columns: columnsOf(relation.fields.join(",")), table: relation.target }));
    return model;
  });
}

const models = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));

describe("the schema parser used by this test", () => {
  it("reads the models it must compare", () => {
    const events = models.find((model) => model.table === "events")!;
    expect(events.primaryKey).toEqual(["dataset_id", "dedupe_key"]);
    expect(events.indexes).toContainEqual(["dataset_id", "user_id", "ts"]);
    expect(events.foreignKeys).toEqual([{ columns: ["dataset_id"], table: "datasets" }]);
    expect(events.columns.find((c) => c.column === "revenue")).toEqual({ column: "revenue", sqlType: "double precision", nullable: true });
  });
});

describe.each(testEngines())("schema.prisma and migrations agree on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("has exactly the modelled tables", async () => {
    const tables = await database.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(models.map((m) => m.table).sort());
  });

  it.each(models.map((model) => [model.table, model] as const))("%s: columns, types and nullability", async (table, model) => {
    const columns = await database.db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
      [table],
    );
    const actual = columns.map((c) => ({ column: c.column_name, sqlType: c.data_type, nullable: c.is_nullable === "YES" }));
    expect(actual).toEqual([...model.columns].sort((a, b) => a.column.localeCompare(b.column)));
  });

  it.each(models.map((model) => [model.table, model] as const))("%s: keys, indexes and foreign keys", async (table, model) => {
    const indexes = await database.db.query<{ columns: string[]; is_primary: boolean; is_unique: boolean }>(
      `SELECT array_agg(a.attname::text ORDER BY k.ord) AS columns, i.indisprimary AS is_primary, i.indisunique AS is_unique
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace
       GROUP BY i.indexrelid, i.indisprimary, i.indisunique`,
      [table],
    );
    expect(indexes.filter((i) => i.is_primary).map((i) => i.columns)).toEqual([model.primaryKey]);
    const secondary = indexes.filter((i) => !i.is_primary);
    expect(secondary.filter((i) => !i.is_unique).map((i) => i.columns).sort()).toEqual([...model.indexes].sort());
    expect(secondary.filter((i) => i.is_unique).map((i) => i.columns).sort()).toEqual([...model.uniques].sort());

    const foreignKeys = await database.db.query<{ columns: string[]; target: string }>(
      `SELECT array_agg(a.attname::text ORDER BY k.ord) AS columns, r.relname AS target
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE c.contype = 'f' AND t.relname = $1
       GROUP BY c.oid, r.relname`,
      [table],
    );
    expect(foreignKeys.map((fk) => ({ columns: fk.columns, table: fk.target }))).toEqual(model.foreignKeys);
  });
});
