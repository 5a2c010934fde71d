import { describe, expect, it } from 'vitest';
import { nextScheduledRefresh } from './hooks';

const at = (iso: string) => new Date(iso);
const next = (schedules: Parameters<typeof nextScheduledRefresh>[0], after: string) => nextScheduledRefresh(schedules, at(after))?.toISOString() ?? null;

describe('refresh after a scheduled run', () => {
  const every3 = { cron: '*/3 * * * *', timeZone: 'Asia/Tokyo' };

  it('comes 5 seconds after the next run, then 20 seconds after it, then after the following run', () => {
    expect(next([every3], '2026-11-24T00:01:00Z')).toBe('2026-11-24T00:03:05.000Z');
    expect(next([every3], '2026-11-24T00:03:05Z')).toBe('2026-11-24T00:03:20.000Z');
    expect(next([every3], '2026-11-24T00:03:20Z')).toBe('2026-11-24T00:06:05.000Z');
  });

  it('still counts a run just before the page opened', () => {
    expect(next([every3], '2026-11-24T00:03:02Z')).toBe('2026-11-24T00:03:05.000Z');
  });

  it('takes the earliest of several schedules, in their own time zones', () => {
    const daily9Tokyo = { cron: '0 9 * * *', timeZone: 'Asia/Tokyo' };
    const daily9Utc = { cron: '0 9 * * *', timeZone: 'UTC' };
    expect(next([daily9Utc, daily9Tokyo], '2026-11-24T01:00:00Z')).toBe('2026-11-24T09:00:05.000Z');
    expect(next([daily9Utc, daily9Tokyo], '2026-11-23T23:00:00Z')).toBe('2026-11-24T00:00:05.000Z');
  });

  it('is null without a readable schedule', () => {
    expect(next([], '2026-11-24T00:00:00Z')).toBeNull();
    expect(
      next(
        [
          { cron: null, timeZone: 'Asia/Tokyo' },
          { cron: 'bogus', timeZone: null },
        ],
        '2026-11-24T00:00:00Z',
      ),
    ).toBeNull();
  });
});
