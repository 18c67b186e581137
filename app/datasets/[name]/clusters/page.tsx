import type { Metadata } from "next";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { ClustersExplorer } from "@/components/clusters/clusters-explorer";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface ClustersPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: ClustersPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Clusters");
}

/** Behavioural clusters: k-means, DBSCAN and Ward compared on the users' features; the explorer runs them on demand. */
export default async function ClustersPage({ params }: ClustersPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);

  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={dataset.name}
          description="Groups of users who behave alike, found three ways, and whether the groups differ in an outcome that matters."
        />
        <DatasetTabs datasetName={dataset.name} active="clusters" />
      </div>
      <ClustersExplorer datasetName={dataset.name} />
    </div>
  );
}
