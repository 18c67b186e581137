import type { Metadata } from "next";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { PageHeader } from "@/components/layout/page-header";
import { PrintButton } from "@/components/report/print-button";
import { ReportView } from "@/components/report/report-view";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { buildReport } from "@/lib/report/build-report";
import { reportChartTables } from "@/lib/report/report-tables";
import type { Report } from "@/lib/report/report.types";
import { listDefinitions } from "@/lib/segments/segment-definitions";
import { SegmentsRequestError } from "@/lib/segments/segment-errors";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface ReportPageProps {
  params: DatasetParams;
  searchParams: Promise<{ definition?: string }>;
}

export async function generateMetadata({ params }: ReportPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Report");
}


/** The printable segmentation report, with Markdown and HTML downloads of the same content. */
export default async function ReportPage({ params, searchParams }: ReportPageProps) {
  const { db, dataset } = await loadDatasetOrNotFound(params);
  const { definition } = await searchParams;
  const saved = await listDefinitions(db, dataset.name);
  let report: Report | null = null;
  let unavailable: string | null = null;
  try {
    report = await buildReport(db, dataset.name, { definition, tables: reportChartTables });
  } catch (error) {
    if (!(error instanceof SegmentsRequestError)) throw error;
    unavailable = error.message;
  }
  const download = (format: "md" | "html") =>
    `${datasetApiPath(dataset.name)}/report?format=${format}${definition ? `&definition=${encodeURIComponent(definition)}` : ""}`;

  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={`Segmentation report — ${dataset.name}`}
          description="The segment table, what to do about each segment, and the charts that back it: print it or download it."
        />
        <DatasetTabs datasetName={dataset.name} active="report" />
      </div>
      <form className="flex flex-wrap items-end gap-3 print:hidden" method="get">
        <label className="flex flex-col gap-1 text-sm text-slate-700">
          Segments from
          <select name="definition" defaultValue={definition ?? ""} className={COMPACT_FIELD_CLASS}>
            <option value="">{saved.definitions.length > 0 ? "Most recently saved definition" : "Default behavior rules"}</option>
            {saved.definitions.map((item) => (
              <option key={`${item.modelId}-${item.name}`} value={`${item.name}@${item.latest.version}`}>
                {item.name} v{item.latest.version} ({item.modelId})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses("secondary")}>
          Show
        </button>
        <span className="flex-1" />
        <PrintButton />
        <a className={buttonClasses("secondary")} href={download("md")} download>
          Download Markdown
        </a>
        <a className={buttonClasses("secondary")} href={download("html")} download>
          Download HTML
        </a>
      </form>
      {report ? (
        <ReportView report={report} />
      ) : (
        <EmptyState title="No report yet">{unavailable}</EmptyState>
      )}
    </div>
  );
}
