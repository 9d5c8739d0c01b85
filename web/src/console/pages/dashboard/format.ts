/** How the scores read: rates as percentages with one decimal, counts with thousands separators. */
export const pct = (rate: number | null | undefined, digits = 1): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`;

export const num = (n: number | null | undefined, lang: 'zh' | 'en'): string =>
  n === null || n === undefined ? '—' : n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

/** Green, amber or red for a rate against the usual targets (90% good, 80% acceptable). */
export function rateColor(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return 'rgba(0,0,0,0.45)';
  return rate >= 0.9 ? '#389e0d' : rate >= 0.8 ? '#d48806' : '#cf1322';
}
