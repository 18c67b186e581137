import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { datasetNameSchema } from "@/lib/datasets/dataset-name";
import { getDatasetByName } from "@/lib/datasets/get-dataset";
import { getDatabase } from "@/lib/db/client";

/** The `[name]` segment as every dataset page receives it. */
export type DatasetParams = Promise<{ name: string }>;

// Page params arrive still percent-encoded (route handler params do not); a malformed escape is no dataset.
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

/** The dataset a page is about, or the not-found page. */
export async function loadDatasetOrNotFound(params: DatasetParams) {
  const name = datasetNameSchema.safeParse(decodeName((await params).name));
  if (!name.success) notFound();
  const { db } = await getDatabase();
  const dataset = await getDatasetByName(db, name.data);
  if (!dataset) notFound();
  return { db, dataset };
}

/** "Segments · demo-saas" (or just the name for the dataset's own page). */
export async function datasetPageMetadata(params: DatasetParams, section?: string): Promise<Metadata> {
  const name = decodeName((await params).name);
  if (!name) return { title: "Dataset not found" };
  return { title: section ? `${section} · ${name}` : name };
}
