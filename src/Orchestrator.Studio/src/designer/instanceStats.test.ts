import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './api';
import { formatDuration, formatMinutes, isLive, nodeRunStats } from './instanceStats';

const entry = (sequence: number, activityId: string, status: string, durationSeconds: number | null, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  id: `e${sequence}`,
  sequence,
  activityId,
  activityType: 'Orchestrator.HumanTask',
  activityName: activityId,
  status,
  outcome: status === 'Completed' ? 'Done' : null,
  scheduledAt: '2026-11-25T00:00:00Z',
  startedAt: '2026-11-25T00:00:00Z',
  completedAt: durationSeconds === null ? null : '2026-11-25T00:01:00Z',
  durationSeconds,
  stepCode: null,
  measurement: null,
  message: null,
  task: null,
  handoff: null,
  ...extra,
});

describe('instance viewer figures', () => {
  it('counts executions per activity, sums durations and effort, and shows the latest status', () => {
    const stats = nodeRunStats([
      entry(3, 'review', 'Running', null),
      entry(1, 'review', 'Completed', 90, { outcome: '差戻し', task: { effortMinutes: 12 } as JournalEntry['task'] }),
      entry(2, 'fix', 'Completed', 30),
      entry(0, 'start', 'Completed', 0.01),
    ]);
    expect(stats.get('review')).toEqual({ count: 2, status: 'Running', totalSeconds: 90, lastOutcome: '差戻し', effortMinutes: 12 });
    expect(stats.get('fix')).toMatchObject({ count: 1, status: 'Completed', totalSeconds: 30, effortMinutes: null });
    expect(stats.get('start')!.totalSeconds).toBeCloseTo(0.01);
    expect(stats.has('end')).toBe(false);
  });

  it('writes durations a person can read', () => {
    expect(formatDuration(1.04, 'ja')).toBe('1.0 秒');
    expect(formatDuration(42, 'ja')).toBe('42 秒');
    expect(formatDuration(185, 'ja')).toBe('3 分 05 秒');
    expect(formatDuration(7380, 'en')).toBe('2 h 03 min');
    expect(formatDuration(100800, 'ja')).toBe('1 日 4 時間');
    expect(formatMinutes(15, 'ja')).toBe('15 分');
    expect(formatMinutes(2.25, 'en')).toBe('2.3 min');
    expect(isLive('Suspended')).toBe(true);
    expect(isLive('Finished')).toBe(false);
  });
});
