import type { Language } from '../i18n';
import { isoDateTime } from '../i18n/dates';
import type { TaskSummary } from './api';

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/** "2026/11/25 09:30" (English: 2026-11-25 09:30) in the browser's time zone; an unreadable value is shown as it came. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (language === 'en') return isoDateTime(date);
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat('ja-JP', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    dateTimeFormats.set(language, format);
  }
  return format.format(date);
}

/** Seconds as mm:ss; minutes keep counting past 59 (75:03). */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Seconds as minutes with one decimal, the way the effort field is pre-filled ("12.5"). */
export function minutesText(totalSeconds: number): string {
  return (Math.round((Math.max(0, totalSeconds) / 60) * 10) / 10).toFixed(1);
}

export function organisationName(task: Pick<TaskSummary, 'assigneeOrgNameJa' | 'assigneeOrgNameEn' | 'assigneeOrgCode'>, language: Language): string {
  const name = language === 'en' ? task.assigneeOrgNameEn || task.assigneeOrgNameJa : task.assigneeOrgNameJa || task.assigneeOrgNameEn;
  return name || task.assigneeOrgCode;
}
