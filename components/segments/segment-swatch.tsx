/** The segment's colour (from segmentColors over the segments shown) as a small square; decorative (the name is always beside it). */
export function SegmentSwatch({ color, className = "h-2.5 w-2.5" }: { color: string; className?: string }) {
  return <span aria-hidden="true" className={`inline-block flex-none rounded-sm ${className}`} style={{ backgroundColor: color }} />;
}
