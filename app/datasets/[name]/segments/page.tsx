import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { FeaturesMissingState } from "@/components/segments/features-missing-state";
import { SegmentsExplorer } from "@/components/segments/segments-explorer";
import { listDimensionOptions, type DimensionOptions } from "@/lib/segments/dimension-options";
import { SegmentsRequestError } from "@/lib/segments/segment-errors";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface SegmentsPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: SegmentsPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Segments");
}

/**
 * The segment explorer of one dataset. The server loads the dataset and the
 * filter values in its data (warming the feature cache the API scores from);
 * the explorer itself is a client component driven by the URL.
 */
export default async function SegmentsPage({ params }: SegmentsPageProps) {
  const { db, dataset } = await loadDatasetOrNotFound(params);

  let dimensionOptions: DimensionOptions | null = null;
  try {
    dimensionOptions = await listDimensionOptions(db, dataset.name);
  } catch (error) {
    if (!(error instanceof SegmentsRequestError && error.code === "features_missing")) throw error;
  }

  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={dataset.name}
          description="Pick a model, move its thresholds, and see who falls in each segment, what they do and what to do next."
        />
        <DatasetTabs datasetName={dataset.name} active="segments" />
      </div>
      {dimensionOptions === null ? (
        <FeaturesMissingState datasetName={dataset.name} hasEvents={dataset.events > 0} />
      ) : (
        <Suspense>
          <SegmentsExplorer datasetName={dataset.name} timeZone={dataset.timezone} dimensionOptions={dimensionOptions} hasEvents={dataset.events > 0} />
        </Suspense>
      )}
    </div>
  );
}
