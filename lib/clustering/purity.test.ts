/**
 * lib/clustering runs in the browser and on the server (like lib/scoring), so
 * its modules may import only zod, each other, lib/scoring, lib/definitions
 * and the seeded random source — never a database, Next, React or node:* —
 * and never read the clock or Math.random (randomness comes from a seed).
 * run-clustering.ts is the one server entry point and is exempt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const libRoot = resolve(here, "..");
const SERVER_ENTRY = "run-clustering.ts";
const allowedFolders = [here, join(libRoot, "scoring"), join(libRoot, "definitions")];
const allowedFiles = [join(libRoot, "demo", "seeded-random.ts")];

const files = readdirSync(here)
  .filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && name !== SERVER_ENTRY)
  .map((name) => join(here, name));

function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const patterns = [
    /\bimport\s+(?:type\s+)?[\s\S]*?\bfrom\s*["']([^"']+)["']/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[\s\S]*?\})\s*from\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
    /\brequire\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
  ];
  return [...new Set(patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!)))];
}

function problem(file: string, specifier: string): string | null {
  if (specifier === "zod") return null;
  if (!specifier.startsWith(".")) return `imports "${specifier}"`;
  const target = resolve(dirname(file), specifier);
  const inside =
    allowedFolders.some((folder) => target === folder || target.startsWith(folder + "/")) || allowedFiles.some((allowed) => allowed === `${target}.ts`);
  return inside ? null : `imports "${specifier}"`;
}

describe("purity of lib/clustering", () => {
  it("finds the modules", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("imports only zod, lib/clustering, lib/scoring, lib/definitions and the seeded random source", () => {
    const problems = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, "utf8"))
        .map((specifier) => problem(file, specifier))
        .filter((found): found is string => found !== null)
        .map((found) => `${relative(libRoot, file)} ${found}`),
    );
    expect(problems).toEqual([]);
  });

  it("never reads the clock or Math.random", () => {
    const problems = files.flatMap((file) => {
      const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      const hits = [/\bDate\.now\s*\(/, /\bMath\.random\s*\(/, /\bnew\s+Date\s*\(\s*\)/, /\bperformance\.now\s*\(/, /\bprocess\./];
      return hits.filter((pattern) => pattern.test(code)).map((pattern) => `${relative(libRoot, file)} uses ${pattern.source}`);
    });
    expect(problems).toEqual([]);
  });
});
