import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DatasetHeader } from "@/components/datasets/dataset-header";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { IngestHistory } from "@/components/datasets/ingest-history";
import { UsersTable } from "@/components/datasets/users-table";
import { getDatabase } from "@/lib/db/client";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { getDatasetByName } from "@/lib/datasets/get-dataset";

export const dynamic = "force-dynamic";

interface DatasetPageProps {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Page params arrive still percent-encoded (route handler params do not); a malformed escape is no dataset.
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

export async function generateMetadata({ params }: DatasetPageProps): Promise<Metadata> {
  return { title: decodeName((await params).name) || "Dataset not found" };
}

export default async function DatasetPage({ params, searchParams }: DatasetPageProps) {
  const name = datasetNameSchema.safeParse(decodeName((await params).name));
  if (!name.success) notFound();
  const { db } = await getDatabase();
  const dataset = await getDatasetByName(db, name.data);
  if (!dataset) notFound();
  const tab = (await searchParams).tab === "history" ? "history" : "users";

  return (
    <div className="space-y-6">
      <DatasetHeader dataset={dataset} />
      <DatasetTabs datasetName={dataset.name} active={tab} />
      {tab === "users" ? (
        <Suspense>
          <UsersTable datasetName={dataset.name} timeZone={dataset.timezone} />
        </Suspense>
      ) : (
        <IngestHistory datasetName={dataset.name} />
      )}
    </div>
  );
}
