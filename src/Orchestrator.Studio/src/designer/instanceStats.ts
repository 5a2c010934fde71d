/** What the instance viewer shows on each node: the journal (one row per execution) summed per activity. */
import type { JournalEntry } from './api';

export type NodeRunStatus = 'Completed' | 'Running' | 'Faulted' | 'Cancelled' | 'NotRun';

export interface NodeRunStats {
  count: number;
  /** Status of the latest execution. */
  status: NodeRunStatus;
  /** Seconds from start to completion, summed over the completed executions; null when none completed. */
  totalSeconds: number | null;
  lastOutcome: string | null;
  /** Clerk-reported effort minutes, summed (human tasks). */
  effortMinutes: number | null;
}

function runStatus(status: string): NodeRunStatus {
  return status === 'Completed' || status === 'Running' || status === 'Faulted' || status === 'Cancelled' ? status : 'Running';
}

export function nodeRunStats(journal: readonly JournalEntry[]): Map<string, NodeRunStats> {
  const stats = new Map<string, NodeRunStats>();
  for (const entry of [...journal].sort((a, b) => a.sequence - b.sequence)) {
    const previous = stats.get(entry.activityId);
    const seconds = entry.durationSeconds;
    const effort = entry.task?.effortMinutes ?? null;
    stats.set(entry.activityId, {
      count: (previous?.count ?? 0) + 1,
      status: runStatus(entry.status),
      totalSeconds: seconds === null ? (previous?.totalSeconds ?? null) : (previous?.totalSeconds ?? 0) + seconds,
      lastOutcome: entry.outcome ?? previous?.lastOutcome ?? null,
      effortMinutes: effort === null ? (previous?.effortMinutes ?? null) : (previous?.effortMinutes ?? 0) + effort,
    });
  }
  return stats;
}

/** "0.4 秒", "12 秒", "3 分 05 秒", "2 時間 03 分", "1 日 4 時間" (and the English equivalents). */
export function formatDuration(seconds: number, language: 'ja' | 'en'): string {
  const ja = language === 'ja';
  if (seconds < 10) return ja ? `${(Math.round(seconds * 10) / 10).toFixed(1)} 秒` : `${(Math.round(seconds * 10) / 10).toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return ja ? `${whole} 秒` : `${whole} s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (whole < 3600) return ja ? `${Math.floor(whole / 60)} 分 ${pad(whole % 60)} 秒` : `${Math.floor(whole / 60)} min ${pad(whole % 60)} s`;
  if (whole < 86400) {
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    return ja ? `${h} 時間 ${pad(m)} 分` : `${h} h ${pad(m)} min`;
  }
  const d = Math.floor(whole / 86400);
  const h = Math.floor((whole % 86400) / 3600);
  return ja ? `${d} 日 ${h} 時間` : `${d} d ${h} h`;
}

/** Minutes as the designer writes them: "15 分" / "15 min", one decimal below ten. */
export function formatMinutes(minutes: number, language: 'ja' | 'en'): string {
  const text = minutes < 10 ? String(Math.round(minutes * 10) / 10) : String(Math.round(minutes));
  return language === 'ja' ? `${text} 分` : `${text} min`;
}

/** An instance still moving: the viewer polls it. */
export function isLive(status: string): boolean {
  return status === 'Running' || status === 'Suspended';
}
