/**
 * The file name of a segment export: which dataset, segment, definition
 * version and data it holds, readable in a downloads folder and safe in a
 * Content-Disposition header and on every file system.
 *
 * @example exportFileName({ datasetName: "demo-saas", segment: "Power users", definitionVersion: 3, asOfDay: "2025-11-28" })
 *   // "demo-saas_power-users_v3_2025-11-28.csv"
 * @example exportFileName({ datasetName: "cdnow", segment: "Can't Lose Them", definitionVersion: null, asOfDay: "1998-06-30" })
 *   // "cdnow_cant-lose-them_draft_1998-06-30.csv"
 */
export interface ExportFileNameParts {
  datasetName: string;
  segment: string;
  /** null for an unsaved definition: "draft". */
  definitionVersion: number | null;
  /** YYYY-MM-DD: the features' as-of day. */
  asOfDay: string;
}

/** Lower-case ASCII letters, digits, dots and dashes; accents dropped, apostrophes removed, other runs become one dash. */
function slug(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return ascii.length > 0 ? ascii.slice(0, 60) : "segment";
}

export function exportFileName(parts: ExportFileNameParts): string {
  const version = parts.definitionVersion === null ? "draft" : `v${parts.definitionVersion}`;
  return `${slug(parts.datasetName)}_${slug(parts.segment)}_${version}_${parts.asOfDay}.csv`;
}
