import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { TransitionsExplorer } from "@/components/transitions/transitions-explorer";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface TransitionsPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: TransitionsPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Transitions");
}

/** Segment transitions between stored snapshots of a saved definition; the explorer is a client component driven by the URL. */
export default async function TransitionsPage({ params }: TransitionsPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);

  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={dataset.name}
          description="How users moved between segments from one month (or week) end to another, from snapshots stored at the time."
        />
        <DatasetTabs datasetName={dataset.name} active="transitions" />
      </div>
      <Suspense>
        <TransitionsExplorer datasetName={dataset.name} timezone={dataset.timezone} />
      </Suspense>
    </div>
  );
}
