import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { PilotSchedule } from './api';
import { pollIntervalMs } from './progress';
import { nextRuns } from './schedule';

// Reports still import the loader from here.
export { useResource, type Resource } from '../components/useResource';

/** Calls `tick` every `intervalMs` while `active` and the page is visible. */
export function usePolling(active: boolean, intervalMs: number, tick: () => void): void {
  const onTick = useEffectEvent(tick);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') onTick();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [active, intervalMs]);
}

/** After a scheduled run is due, the page asks again this long after it (the job needs a moment to start the cycle). */
export const scheduleFollowUpsMs: readonly number[] = [5_000, 20_000];

/**
 * The first moment after `after` at which a page watching these schedules should ask again: a follow-up of a
 * scheduled run (a run shortly before `after` still counts); null when nothing is scheduled.
 */
export function nextScheduledRefresh(schedules: readonly PilotSchedule[], after: Date): Date | null {
  const latest = Math.max(...scheduleFollowUpsMs);
  let next: number | null = null;
  for (const schedule of schedules) {
    const cron = schedule.cron?.trim();
    if (!cron) continue;
    for (const run of nextRuns(cron, schedule.timeZone ?? 'Asia/Tokyo', new Date(after.getTime() - latest), 3) ?? []) {
      for (const offset of scheduleFollowUpsMs) {
        const at = run.getTime() + offset;
        if (at > after.getTime() && (next === null || at < next)) next = at;
      }
    }
  }
  return next === null ? null : new Date(next);
}

/**
 * Refreshes shortly after each scheduled run of the watched pilots, so the cycles a schedule starts appear without
 * asking the server in between: the clock is checked locally, and only a due run makes a request.
 */
export function useScheduledRefresh(schedules: readonly PilotSchedule[], refresh: () => void): void {
  // The schedules are compared by value, so callers may pass a new array on every render.
  const key = JSON.stringify(schedules.map((s) => [s.cron?.trim() ?? '', s.timeZone ?? 'Asia/Tokyo']));
  // When the page last asked (first: when it opened); the next due moment comes after it.
  const [askedAt, setAskedAt] = useState(() => Date.now());
  const dueAt = useMemo(() => {
    const watched = (JSON.parse(key) as [string, string][]).map(([cron, timeZone]) => ({ cron, timeZone }));
    return nextScheduledRefresh(watched, new Date(askedAt))?.getTime() ?? null;
  }, [key, askedAt]);

  usePolling(dueAt !== null, pollIntervalMs, () => {
    if (dueAt === null || Date.now() < dueAt) return;
    refresh();
    setAskedAt(Date.now());
  });
}
