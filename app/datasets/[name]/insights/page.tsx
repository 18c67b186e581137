import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { InsightsExplorer } from "@/components/insights/insights-explorer";
import { PageHeader } from "@/components/layout/page-header";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface InsightsPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: InsightsPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Insights");
}

/** Early behaviors that go with retention, conversion or churn; the explorer is a client component driven by the URL. */
export default async function InsightsPage({ params }: InsightsPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);
  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={dataset.name}
          description="Which early behaviors go with retention, conversion or churn, and how many times is enough."
        />
        <DatasetTabs datasetName={dataset.name} active="insights" />
      </div>
      <Suspense>
        <InsightsExplorer datasetName={dataset.name} />
      </Suspense>
    </div>
  );
}
