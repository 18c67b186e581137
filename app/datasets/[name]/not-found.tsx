import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DatasetNotFound() {
  return (
    <EmptyState title="Dataset not found" action={<Link href="/" className={buttonClasses("secondary")}>See all datasets</Link>}>
      <p>No dataset has this name. Names are case-sensitive; it may also have been loaded into a different database.</p>
    </EmptyState>
  );
}
