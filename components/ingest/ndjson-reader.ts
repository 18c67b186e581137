import { ingestStreamLineSchema, type IngestStreamLine } from "@/lib/datasets/ingest-upload.types";

/**
 * Reads the ingest NDJSON out of a growing response text (XMLHttpRequest's
 * responseText during onprogress): each call returns the lines completed
 * since the last call. A partial last line waits for its newline; unknown or
 * malformed lines are skipped rather than breaking the upload.
 */
export class NdjsonReader {
  private offset = 0;

  read(text: string, final = false): IngestStreamLine[] {
    const end = final ? text.length : text.lastIndexOf("\n") + 1;
    if (end <= this.offset) return [];
    const chunk = text.slice(this.offset, end);
    this.offset = end;
    const lines: IngestStreamLine[] = [];
    for (const raw of chunk.split("\n")) {
      if (!raw.trim()) continue;
      try {
        const parsed = ingestStreamLineSchema.safeParse(JSON.parse(raw));
        if (parsed.success) lines.push(parsed.data);
      } catch {
        // Not JSON (a proxy's error page?): the final state check reports the missing report.
      }
    }
    return lines;
  }
}
