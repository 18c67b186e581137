import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState title="Page not found" action={<Link href="/" className={buttonClasses("secondary")}>Back to datasets</Link>}>
      <p>There is nothing at this address.</p>
    </EmptyState>
  );
}
