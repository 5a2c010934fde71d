/** Pilot facts in words, in the chosen language. */
import type { Language } from '../i18n';
import { isoDateTime } from '../i18n/dates';
import type { LocalizedName, OrganisationEntry, PilotSchedule } from './api';
import { cronWords, type Translate } from './schedule';
import { parseTimeSpan } from './timespan';
import { defaultCycleDays, defaultTimeZone } from './form';

export function localName(name: LocalizedName | null | undefined, language: Language, fallback = ''): string {
  const ja = name?.ja?.trim() ?? '';
  const en = name?.en?.trim() ?? '';
  return (language === 'en' ? en || ja : ja || en) || fallback;
}

export function organisationName(code: string, organisations: readonly OrganisationEntry[] | null, language: Language): string {
  const org = organisations?.find((o) => o.code === code);
  if (!org) return code;
  return (language === 'en' ? org.nameEn || org.nameJa : org.nameJa || org.nameEn) || code;
}

/** "3 分ごと", "平日 9:00", the cron itself when it is no common shape, 「手動のみ」 without a schedule. */
export function scheduleText(schedule: PilotSchedule | null | undefined, t: Translate): string {
  const cron = schedule?.cron?.trim();
  if (!cron) return t('pilots.schedule.manual');
  const words = cronWords(cron, t) ?? cron;
  const zone = schedule?.timeZone?.trim() || defaultTimeZone;
  return zone === defaultTimeZone ? words : t('pilots.schedule.withTimeZone', { words, timeZone: zone });
}

/** "14 日", "1 日 12 時間", "5 分"; null stands for the server's default of 14 days. */
export function cycleLengthText(cycleLength: string | null | undefined, t: Translate): string {
  const duration = cycleLength ? parseTimeSpan(cycleLength) : { days: defaultCycleDays, hours: 0, minutes: 0, seconds: 0 };
  if (!duration) return cycleLength ?? '';
  const parts: string[] = [];
  if (duration.days) parts.push(t('pilots.duration.days', { count: duration.days }));
  if (duration.hours) parts.push(t('pilots.duration.hours', { count: duration.hours }));
  const minutes = duration.minutes + Math.round(duration.seconds / 60);
  if (minutes || parts.length === 0) parts.push(t('pilots.duration.minutes', { count: minutes }));
  return parts.join(t('pilots.duration.separator'));
}

/** "2026/11/25 09:00" (English: 2026-11-25 09:00) as the clock reads in the given time zone (the browser's zone when it is unknown). */
export function formatInZone(date: Date, timeZone: string, language: Language): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };
  const format = (zone?: string) =>
    language === 'en' ? isoDateTime(date, zone) : new Intl.DateTimeFormat('ja-JP', { ...options, timeZone: zone }).format(date);
  try {
    return format(timeZone);
  } catch {
    return format();
  }
}
