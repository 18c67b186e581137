import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { RfmGridExplorer } from "@/components/rfm-grid/rfm-grid-explorer";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface RfmPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: RfmPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "RFM grid");
}

/** The RFM grid of one dataset; the grid and the cell's users are client components driven by the URL. */
export default async function RfmPage({ params }: RfmPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);
  return (
    <div className="space-y-6">
      <div>
        <PageHeader eyebrow={<DatasetBreadcrumb />} title={dataset.name} description="Recency × frequency: who buys often and recently, and who is slipping away." />
        <DatasetTabs datasetName={dataset.name} active="rfm" />
      </div>
      <Suspense>
        <RfmGridExplorer datasetName={dataset.name} />
      </Suspense>
    </div>
  );
}
