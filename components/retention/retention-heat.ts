/** Heat colour of a retention cell: a darker indigo for a higher percentage; white text where the fill is dark. */
export function retentionHeat(percent: number): { backgroundColor: string; color: string } {
  const share = Math.min(Math.max(percent, 0), 100) / 100;
  return { backgroundColor: `rgba(79, 70, 229, ${(0.06 + 0.84 * share).toFixed(3)})`, color: share > 0.5 ? "#ffffff" : "#0f172a" };
}
