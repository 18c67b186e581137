"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies the address of this exact view (the URL holds all of it). */
export function CopyLinkButton() {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      variant="ghost"
      title="Copy a link to exactly this view: model, definition, thresholds, filters and date"
      onClick={() => void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true))}
    >
      <span aria-live="polite">{copied ? "Link copied" : "Copy link"}</span>
    </Button>
  );
}
