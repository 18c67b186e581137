import type { IngestJobRef } from "./get-ingest-job";

/** `shop-events-rejects-job-12.csv`: only characters that are safe in a Content-Disposition header. */
export function rejectsFileName(job: Pick<IngestJobRef, "id" | "datasetName" | "fileName">): string {
  const stem = `${job.datasetName}-${job.fileName.replace(/\.[^.]*$/, "")}`
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${stem || "ingest"}-rejects-job-${job.id}.csv`;
}
