import type { Language } from '../i18n';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, digits: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${language}:${digits}:${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
      style,
      minimumFractionDigits: style === 'percent' ? digits : 0,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}

/** A figure with up to `digits` decimals, grouped; null shows as an en dash. */
export function formatNumber(value: number | null | undefined, language: Language, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : numberFormat(language, digits).format(value);
}

export function formatYen(value: number | null | undefined, language: Language): string {
  return value === null || value === undefined ? '–' : `¥${numberFormat(language, 0).format(value)}`;
}

export function formatPercent(value: number | null | undefined, language: Language): string {
  return value === null || value === undefined ? '–' : numberFormat(language, 1, 'percent').format(value);
}

/** Yen metrics are shown as money, a share (first time right) as a percentage, the rest as numbers. */
export function formatMetric(metric: string, value: number | null | undefined, language: Language): string {
  if (metric.endsWith('Yen')) return formatYen(value, language);
  if (metric === 'firstTimeRight') return formatPercent(value, language);
  return formatNumber(value, language, metric.endsWith('Hours') ? 2 : metric === 'rework' ? 2 : 1);
}
