import type { ClusterMethod } from "@/lib/definitions/clusters";

export const METHOD_LABELS: Record<ClusterMethod, string> = { kmeans: "k-means", dbscan: "DBSCAN", ward: "Ward (hierarchical)" };

/** Side-by-side order of the comparison. */
export const METHOD_ORDER: ClusterMethod[] = ["kmeans", "dbscan", "ward"];

const count = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return count.format(value);
}

/** 0.4567 → "45.7%"; null (no rate) → "—". */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

/** p-values as people read them: "< 0.001" rather than 1.2e-9. */
export function formatPValue(p: number): string {
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}

/**
 * A standardized centroid coordinate in words: |z| ≥ 1.5 "far", ≥ 0.5
 * plainly above/below, otherwise "close to" the average user.
 */
export function zScoreWords(z: number): string {
  const size = Math.abs(z);
  if (size < 0.5) return "close to average";
  const side = z > 0 ? "above" : "below";
  return size >= 1.5 ? `far ${side} average` : `${side} average`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
