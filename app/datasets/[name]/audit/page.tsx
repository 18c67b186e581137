import type { Metadata } from "next";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { AuditReport } from "@/components/audit/audit-report";
import { PageHeader } from "@/components/layout/page-header";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface AuditPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: AuditPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Audit");
}

/** Tracking problems found in the data itself, with the instrumentation fix for each. */
export default async function AuditPage({ params }: AuditPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);
  return (
    <div className="space-y-6">
      <div>
        <PageHeader eyebrow={<DatasetBreadcrumb />} title={dataset.name} description="Tracking problems found in the loaded events, and what to change in the instrumentation." />
        <DatasetTabs datasetName={dataset.name} active="audit" />
      </div>
      <AuditReport datasetName={dataset.name} />
    </div>
  );
}
