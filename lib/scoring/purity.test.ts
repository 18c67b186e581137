/**
 * lib/scoring and lib/definitions run unchanged in the browser and on the
 * server, so they may import only each other (relative paths) and zod — no
 * database, Next, React, node:* — and never read the clock or Math.random
 * (conventions.md: inject asOf and a random source).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const libRoot = resolve(here, "..");
const pureFolders = [join(libRoot, "scoring"), join(libRoot, "definitions")];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier: static imports/exports, side-effect imports, dynamic import(), require(). */
function importSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const patterns = [
    /\bimport\s+(?:type\s+)?[\s\S]*?\bfrom\s*["']([^"']+)["']/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[\s\S]*?\})\s*from\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
    /\brequire\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) for (const match of withoutComments.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

function importProblem(file: string, specifier: string): string | null {
  if (specifier === "zod") return null;
  if (!specifier.startsWith(".")) return `imports "${specifier}" (only zod and relative files are allowed)`;
  const target = resolve(dirname(file), specifier);
  const inside = pureFolders.some((folder) => target === folder || target.startsWith(folder + "/"));
  return inside ? null : `imports "${specifier}", outside lib/scoring and lib/definitions`;
}

describe("purity of lib/scoring and lib/definitions", () => {
  const files = pureFolders.flatMap(sourceFiles);

  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("imports only zod and files of the two folders", () => {
    const problems = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, "utf8"))
        .map((specifier) => importProblem(file, specifier))
        .filter((problem): problem is string => problem !== null)
        .map((problem) => `${relative(libRoot, file)} ${problem}`),
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

  it("recognises the import forms it checks", () => {
    const specifiers = importSpecifiers(
      [
        'import { z } from "zod";',
        'import type { X } from "../db/client";',
        'import "server-only";',
        'export * from "node:fs";',
        'export { a } from "./a";',
        'const m = await import("react");',
        'const n = require("next/server");',
        '// import { ignored } from "in-a-comment";',
      ].join("\n"),
    );
    expect(specifiers.sort()).toEqual(["../db/client", "./a", "next/server", "node:fs", "react", "server-only", "zod"]);
  });
});
