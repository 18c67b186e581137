import Link from "next/link";

/** "Datasets /" above a dataset's name, on every dataset page. */
export function DatasetBreadcrumb() {
  return (
    <nav aria-label="Breadcrumb">
      <Link href="/" className="hover:text-slate-900 hover:underline">
        Datasets
      </Link>
      <span aria-hidden="true"> / </span>
    </nav>
  );
}
