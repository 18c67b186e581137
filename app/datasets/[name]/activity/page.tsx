import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityExplorer } from "@/components/activity/activity-explorer";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface ActivityPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: ActivityPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Activity");
}

/** Lifecycle and stickiness of one dataset; the charts are client components driven by the URL. */
export default async function ActivityPage({ params }: ActivityPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);

  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={dataset.name}
          description="Who is new, who keeps coming back, who came back after a break and who went quiet; and how often active users use the product."
        />
        <DatasetTabs datasetName={dataset.name} active="activity" />
      </div>
      <Suspense>
        <ActivityExplorer datasetName={dataset.name} datasetKind={dataset.kind} />
      </Suspense>
    </div>
  );
}
