import Link from "next/link";
import { datasetPath } from "@/components/datasets/dataset-path";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * The Clusters model before anything is saved: it has no built-in definition
 * (centroids only mean something on the data they were fitted on), so say
 * where one comes from.
 */
export function NoSavedClusteringState({ datasetName }: { datasetName: string }) {
  return (
    <EmptyState
      title="No saved clustering yet — run one on the Clusters tab"
      action={
        <Link href={`${datasetPath(datasetName)}/clusters`} className={buttonClasses("primary")}>
          Go to Clusters
        </Link>
      }
    >
      <p>
        The Clusters model scores users with a clustering you saved: each user joins the cluster whose saved centroid is nearest, on the saved scale. Run
        a clustering, pick a method&apos;s result and choose <span className="font-medium text-slate-800">Save as segment definition</span>; it then
        appears here, in exports, the API and the CLI.
      </p>
    </EmptyState>
  );
}
