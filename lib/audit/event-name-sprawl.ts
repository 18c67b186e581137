/**
 * Near-duplicate event names ("Sign Up" / "signup" / "sign_up"), pure.
 * Two names belong together when their keys — lower case without spaces,
 * underscores, hyphens and dots — are equal, or differ by one edit
 * (Levenshtein distance 1) and have at least 6 characters; numbered series
 * ("step_1" / "step_2": the keys differ only in digits) are not sprawl.
 */

export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, "");
}

/** Levenshtein distance ≤ 1 (one insertion, deletion or substitution), in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length) return short.slice(i + 1) === long.slice(i + 1);
  return short.slice(i) === long.slice(i + 1);
}

function isNumberedSeries(a: string, b: string): boolean {
  return a !== b && a.replace(/\d+/g, "#") === b.replace(/\d+/g, "#");
}

/**
 * Groups of ≥ 2 names that look like one event, each sorted by name, groups
 * ordered by their first name. Names are compared pairwise (fine for the few
 * hundred names a dataset has).
 * @example eventNameSprawl(["Sign Up", "signup", "sign_up", "login"]) // [["Sign Up", "sign_up", "signup"]]
 */
export function eventNameSprawl(names: readonly string[]): string[][] {
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const keys = names.map(nameKey);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = keys[i]!;
      const b = keys[j]!;
      const same = a === b || (Math.min(a.length, b.length) >= 6 && withinOneEdit(a, b) && !isNumberedSeries(a, b));
      if (same) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, string[]>();
  names.forEach((name, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), name]);
  });
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => group.sort())
    .sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}
