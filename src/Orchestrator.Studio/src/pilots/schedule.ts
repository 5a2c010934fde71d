/**
 * Pilot schedules in words. The server reads cron with Cronos (5 fields, or 6 with seconds first); the common
 * shapes are put into words here, anything else is shown as the cron itself.
 */
import { Cron } from 'croner';

/** Translates a text key with values (i18next's t, bound to the pilots texts). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface CronPreset {
  key: 'hourly' | 'daily9' | 'weekdays9' | 'every3Minutes';
  cron: string;
}

export const cronPresets: readonly CronPreset[] = [
  { key: 'hourly', cron: '0 * * * *' },
  { key: 'daily9', cron: '0 9 * * *' },
  { key: 'weekdays9', cron: '0 9 * * 1-5' },
  { key: 'every3Minutes', cron: '*/3 * * * *' },
];

export function cronFieldCount(cron: string): number {
  const trimmed = cron.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function number(field: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(field)) return null;
  const n = Number(field);
  return n >= min && n <= max ? n : null;
}

/** "*\/n" where n divides the cycle evenly (so "every n" is exactly true); null otherwise. */
function step(field: string, cycle: number): number | null {
  const match = /^\*\/(\d+)$/.exec(field);
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1 && n < cycle && cycle % n === 0 ? n : null;
}

function weekday(field: string): number | null {
  const named = dayNames.indexOf(field.toUpperCase());
  if (named >= 0) return named;
  const n = number(field, 0, 7);
  return n === null ? null : n % 7;
}

/** The days of a day-of-week field ("1-5", "MON,WED", "0"), Sunday = 0; null for steps and other shapes. */
export function weekdays(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = part.split('-');
    if (range.length === 1) {
      const day = weekday(part);
      if (day === null) return null;
      days.add(day);
    } else if (range.length === 2) {
      const from = weekday(range[0]!);
      const to = range[1] === '7' ? 7 : weekday(range[1]!);
      if (from === null || to === null || to < from) return null;
      for (let d = from; d <= to; d++) days.add(d % 7);
    } else return null;
  }
  return [...days].sort((a, b) => a - b);
}

const time = (hour: number, minute: number) => `${hour}:${String(minute).padStart(2, '0')}`;

/** The words for a cron expression, or null when it is not one of the common shapes. */
export function cronWords(cron: string, t: Translate): string | null {
  let fields = cron.trim().split(/\s+/);
  if (fields.length === 6) {
    const [seconds, ...rest] = fields;
    if (rest.every((f) => f === '*')) {
      if (seconds === '*') return t('pilots.schedule.everySecond');
      const n = step(seconds!, 60);
      return n === null ? null : t('pilots.schedule.everyNSeconds', { n });
    }
    if (seconds !== '0') return null;
    fields = rest;
  }
  if (fields.length !== 5) return null;
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [string, string, string, string, string];
  if (monthField !== '*') return null;

  if (hourField === '*' && dayField === '*' && weekdayField === '*') {
    if (minuteField === '*') return t('pilots.schedule.everyMinute');
    const n = step(minuteField, 60);
    if (n !== null) return t('pilots.schedule.everyNMinutes', { n });
    const minute = number(minuteField, 0, 59);
    if (minute === null) return null;
    return minute === 0 ? t('pilots.schedule.hourly') : t('pilots.schedule.hourlyAt', { minute });
  }

  const minute = number(minuteField, 0, 59);
  if (minute === null) return null;
  const everyHours = step(hourField, 24);
  if (everyHours !== null && dayField === '*' && weekdayField === '*')
    return minute === 0 ? t('pilots.schedule.everyNHours', { n: everyHours }) : t('pilots.schedule.everyNHoursAt', { n: everyHours, minute });
  const hour = number(hourField, 0, 23);
  if (hour === null) return null;
  const at = time(hour, minute);

  if (dayField === '*' && weekdayField === '*') return t('pilots.schedule.daily', { time: at });
  if (dayField === '*') {
    const days = weekdays(weekdayField);
    if (days === null || days.length === 0) return null;
    if (days.length === 7) return t('pilots.schedule.daily', { time: at });
    if (days.join(',') === '1,2,3,4,5') return t('pilots.schedule.weekdays', { time: at });
    const names = days.map((d) => t(`pilots.schedule.dayNames.${d}`)).join(t('pilots.schedule.daySeparator'));
    return t('pilots.schedule.weekly', { days: names, time: at });
  }
  const day = number(dayField, 1, 31);
  if (day !== null && weekdayField === '*') return t('pilots.schedule.monthly', { day, time: at });
  return null;
}

/** The next run times (UTC instants) in the schedule's time zone; null when the expression cannot be read. */
export function nextRuns(cron: string, timeZone: string, from: Date, count: number): Date[] | null {
  const fields = cronFieldCount(cron);
  if (fields !== 5 && fields !== 6) return null;
  try {
    const job = new Cron(cron.trim(), { timezone: timeZone || 'Asia/Tokyo', paused: true });
    return job.nextRuns(count, from);
  } catch {
    return null;
  }
}
