import type { IngestProgress } from "../ingest/ingest";

const MB = 1024 * 1024;

/** "48% · 96.0 of 200.0 MB · 1,234,567 rows (12 rejected, 3 duplicates)" */
export function formatProgressLine(progress: IngestProgress): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const bytes = progress.bytesTotal > 0
    ? `${Math.floor((100 * progress.bytesRead) / progress.bytesTotal)}% · ${(progress.bytesRead / MB).toFixed(1)} of ${(progress.bytesTotal / MB).toFixed(1)} MB`
    : `${(progress.bytesRead / MB).toFixed(1)} MB`;
  return `${bytes} · ${n(progress.rows)} rows (${n(progress.rejected)} rejected, ${n(progress.duplicates)} duplicates)`;
}
