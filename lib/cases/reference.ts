/** `SSP-2026-0007`: the policy's prefix, the year of opening, a number per policy per year. */
export function formatReference(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(4, '0')}`;
}
