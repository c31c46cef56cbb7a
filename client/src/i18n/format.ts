/** Numbers as the reader writes them: their locale's digits and separators, at most one decimal. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
