/**
 * What the Playbook page previews rules against: the segment stats of the
 * segmentation the report uses by default (the most recently saved
 * definition, else the default behavior rules), so "fires for" on the page is
 * what the next report will say. The page evaluates edited rules on these
 * numbers in the browser (recommend() is pure).
 */
import type { Db } from "../db/db";
import { reportScope } from "../report/build-report";
import { SegmentsRequestError } from "../segments/segment-errors";
import { scoreScope } from "../segments/segment-scope";
import { segmentStats, type StatsResult } from "./segment-stats";

export type PlaybookPreview = { ok: true; segmentsFrom: string; asOfDay: string; stats: StatsResult } | { ok: false; reason: string };

export async function playbookPreview(db: Db, datasetName: string): Promise<PlaybookPreview> {
  try {
    const scored = await scoreScope(db, datasetName, await reportScope(db, datasetName, undefined));
    const segmentsFrom = scored.saved ? `${scored.saved.name} v${scored.saved.version} (${scored.modelId})` : `the default ${scored.modelId} definition`;
    return { ok: true, segmentsFrom, asOfDay: scored.asOfDay, stats: segmentStats(scored.store, scored.segmentation, scored.filterMask ?? undefined) };
  } catch (error) {
    // No features yet (nothing ingested): the editor works, without a preview.
    if (error instanceof SegmentsRequestError) return { ok: false, reason: error.message };
    throw error;
  }
}
