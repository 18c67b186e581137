import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { RetentionExplorer } from "@/components/retention/retention-explorer";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { getDatasetByName } from "@/lib/datasets/get-dataset";
import { getDatabase } from "@/lib/db/client";

export const dynamic = "force-dynamic";

interface RetentionPageProps {
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

export async function generateMetadata({ params }: RetentionPageProps): Promise<Metadata> {
  const name = decodeName((await params).name);
  return { title: name ? `Retention · ${name}` : "Dataset not found" };
}

/** Cohort retention matrix of one dataset; the matrix itself is a client component driven by the URL. */
export default async function RetentionPage({ params }: RetentionPageProps) {
  const name = datasetNameSchema.safeParse(decodeName((await params).name));
  if (!name.success) notFound();
  const { db } = await getDatabase();
  const dataset = await getDatasetByName(db, name.data);
  if (!dataset) notFound();

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
          description="Of the users first seen in each period, how many came back in each later period."
        />
        <DatasetTabs datasetName={dataset.name} active="retention" />
      </div>
      <Suspense>
        <RetentionExplorer datasetName={dataset.name} />
      </Suspense>
    </div>
  );
}
