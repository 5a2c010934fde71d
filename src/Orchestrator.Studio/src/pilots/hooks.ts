import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PilotSchedule } from './api';
import { pollIntervalMs } from './progress';
import { nextRuns } from './schedule';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Asks again; the current data stays until the answer comes. */
  reload: () => void;
}

/** Loads once per key and on reload; a newer request aborts the older one. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(abort.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => abort.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** Calls `tick` every `intervalMs` while `active` and the page is visible. */
export function usePolling(active: boolean, intervalMs: number, tick: () => void): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') tickRef.current();
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
