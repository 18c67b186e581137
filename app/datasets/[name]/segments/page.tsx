import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { FeaturesMissingState } from "@/components/segments/features-missing-state";
import { SegmentsExplorer } from "@/components/segments/segments-explorer";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { getDatasetByName } from "@/lib/datasets/get-dataset";
import { getDatabase } from "@/lib/db/client";
import { listDimensionOptions, type DimensionOptions } from "@/lib/segments/dimension-options";
import { SegmentsRequestError } from "@/lib/segments/segment-errors";

export const dynamic = "force-dynamic";

interface SegmentsPageProps {
  params: Promise<{ name: string }>;
}

// Page params arrive still percent-encoded (route handler params do not); a malformed escape is no dataset.
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

export async function generateMetadata({ params }: SegmentsPageProps): Promise<Metadata> {
  const name = decodeName((await params).name);
  return { title: name ? `Segments · ${name}` : "Dataset not found" };
}

/**
 * The segment explorer of one dataset. The server loads the dataset and the
 * filter values in its data (warming the feature cache the API scores from);
 * the explorer itself is a client component driven by the URL.
 */
export default async function SegmentsPage({ params }: SegmentsPageProps) {
  const name = datasetNameSchema.safeParse(decodeName((await params).name));
  if (!name.success) notFound();
  const { db } = await getDatabase();
  const dataset = await getDatasetByName(db, name.data);
  if (!dataset) notFound();

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
          eyebrow={
            <nav aria-label="Breadcrumb">
              <Link href="/" className="hover:text-slate-900 hover:underline">
                Datasets
              </Link>
              <span aria-hidden="true"> / </span>
            </nav>
          }
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
