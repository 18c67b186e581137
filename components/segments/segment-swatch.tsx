import { segmentColor } from "./segment-colors";

/** The segment's colour as a small square; decorative (the name is always beside it). */
export function SegmentSwatch({ name, className = "h-2.5 w-2.5" }: { name: string; className?: string }) {
  return <span aria-hidden="true" className={`inline-block flex-none rounded-sm ${className}`} style={{ backgroundColor: segmentColor(name).hex }} />;
}
