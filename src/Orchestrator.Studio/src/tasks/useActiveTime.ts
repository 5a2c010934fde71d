import { useCallback, useEffect, useRef, useState } from 'react';
import { reportActivity } from './api';

/** How often measured time is sent while the clerk works (POST /api/tasks/{id}/activity). */
export const activityReportMs = 15_000;
const tickMs = 1_000;

export interface ActiveTime {
  /** Seconds measured on this screen so far (sent or not). */
  seconds: number;
  /** Sends what has been measured and not yet sent; resolves when the server has it (or the call failed). */
  flush: () => Promise<void>;
}

function documentVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

/**
 * Measures the time the task screen is worked on: only while `enabled`, the document is visible and the
 * window has focus. Reports it every 15 s while that holds, and once more (keepalive) when the screen is
 * left, disabled, or the page is hidden for good (pagehide).
 */
export function useActiveTime(taskId: string, enabled: boolean): ActiveTime {
  const [seconds, setSeconds] = useState(0);
  const totalMs = useRef(0);
  const unsentMs = useRef(0);
  /** Date.now() at which the current stretch of active time began; null while not counting. */
  const since = useRef<number | null>(null);

  const accrue = useCallback(() => {
    if (since.current === null) return;
    const now = Date.now();
    const delta = Math.max(0, now - since.current);
    totalMs.current += delta;
    unsentMs.current += delta;
    since.current = now;
  }, []);

  const send = useCallback(
    async (keepalive: boolean, final = keepalive) => {
      accrue();
      // Whole seconds during work; a final report rounds the remainder so short stretches still count.
      const whole = final ? Math.round(unsentMs.current / 1000) : Math.floor(unsentMs.current / 1000);
      if (whole <= 0) return;
      unsentMs.current = Math.max(0, unsentMs.current - whole * 1000);
      try {
        await reportActivity(taskId, whole, keepalive);
      } catch {
        // Best effort: keep the seconds for the next report (a keepalive report has no next one).
        if (!keepalive) unsentMs.current += whole * 1000;
      }
    },
    [taskId, accrue],
  );

  useEffect(() => {
    if (!enabled) return;
    let focused = document.hasFocus();

    const update = () => {
      const active = focused && documentVisible();
      if (active && since.current === null) {
        since.current = Date.now();
      } else if (!active && since.current !== null) {
        accrue();
        since.current = null;
        setSeconds(Math.floor(totalMs.current / 1000));
      }
    };
    // focus and blur do not bubble, so these hear the window itself, not its elements.
    const onFocus = () => {
      focused = true;
      update();
    };
    const onBlur = () => {
      focused = false;
      update();
    };
    const onPageHide = () => void send(true);

    update();
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', update);
    const tick = window.setInterval(() => {
      accrue();
      setSeconds(Math.floor(totalMs.current / 1000));
    }, tickMs);
    const report = window.setInterval(() => {
      if (since.current !== null) void send(false);
    }, activityReportMs);

    return () => {
      window.clearInterval(tick);
      window.clearInterval(report);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', update);
      accrue();
      since.current = null;
      void send(true);
    };
  }, [enabled, accrue, send]);

  const flush = useCallback(() => send(false, true), [send]);
  return { seconds, flush };
}
