import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Everything under components/ can end up in the browser bundle. Follow its
// value imports (type-only imports are erased) through lib/ and fail if one
// reaches server-only code: the database layer, Node built-ins or pg. Turbopack
// reports such a leak only when the page is first built, as a crash.
const ROOT = resolve(__dirname, "..");
const FORBIDDEN = [/^node:/, /^pg(-copy-streams)?$/, /^@electric-sql\//, /^@prisma\//, /^pglite-prisma-adapter$/, /^lib\/db\//, /^lib\/generated\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gm)) {
    const typeOnly = Boolean(match[2]) || /^\{\s*(type\s+[\w$]+\s*,?\s*)+\}$/.test(match[3]!.trim());
    if (!typeOnly) specifiers.push(match[4]!);
  }
  for (const match of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) specifiers.push(match[1]!);
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function serverOnlyReach(entry: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(file, specifier);
      const name = local ? relative(ROOT, local) : specifier;
      if (FORBIDDEN.some((pattern) => pattern.test(name))) problems.push([...chain, relative(ROOT, file), name].join(" → "));
      else if (local && !local.includes("node_modules")) visit(local, [...chain, relative(ROOT, file)]);
    }
  };
  visit(entry, []);
  return problems;
}

describe("browser-safe components", () => {
  it("import nothing that needs the server", () => {
    const problems = sourceFiles(join(ROOT, "components")).flatMap(serverOnlyReach);
    expect(problems).toEqual([]);
  });
});
