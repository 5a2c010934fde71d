import { describe, expect, it } from 'vitest';
import { progress } from '../test/pilots';
import { armSegments, needsPolling, segmentPercents } from './progress';

describe('progress bar arithmetic', () => {
  it('puts every planned case in exactly one part', () => {
    expect(armSegments(progress(10, 7, 3, 1))).toEqual({ planned: 10, started: 7, completed: 3, inProgress: 3, overdue: 1, failed: 0, notStarted: 3 });
    expect(armSegments(progress(4, 4, 4))).toEqual({ planned: 4, started: 4, completed: 4, inProgress: 0, overdue: 0, failed: 0, notStarted: 0 });
    expect(armSegments(progress(4, 0, 0))).toEqual({ planned: 4, started: 0, completed: 0, inProgress: 0, overdue: 0, failed: 0, notStarted: 4 });
  });

  it('takes failed cases out of those under way', () => {
    // 6 started: 2 completed, 1 faulted, 1 overdue → 2 still under way; 2 not started.
    expect(armSegments(progress(8, 6, 2, 1, 1))).toEqual({ planned: 8, started: 6, completed: 2, inProgress: 2, overdue: 1, failed: 1, notStarted: 2 });
  });

  it('a closed cycle with unfinished cases shows them overdue, none under way', () => {
    expect(armSegments(progress(5, 5, 3, 2))).toMatchObject({ completed: 3, inProgress: 0, overdue: 2, notStarted: 0 });
  });

  it('never goes past the planned count, whatever the counts say', () => {
    const s = armSegments(progress(4, 9, 6, 3, 2));
    expect(s).toEqual({ planned: 4, started: 4, completed: 4, inProgress: 0, overdue: 0, failed: 0, notStarted: 0 });
    const t = armSegments(progress(4, 4, 1, 5));
    expect(t.completed + t.inProgress + t.overdue + t.failed + t.notStarted).toBe(4);
    expect(t.overdue).toBe(3);
  });

  it('reads missing or broken counts as zero', () => {
    expect(armSegments(undefined)).toEqual({ planned: 0, started: 0, completed: 0, inProgress: 0, overdue: 0, failed: 0, notStarted: 0 });
    expect(armSegments({ planned: 3, started: -1, completed: Number.NaN, overdue: 0, failed: 0 })).toMatchObject({ planned: 3, completed: 0, notStarted: 3 });
  });

  it('turns the parts into shares of the planned cases that add up to 100 %', () => {
    const percents = segmentPercents(armSegments(progress(8, 6, 2, 1, 1)));
    expect(percents).toEqual({ completed: 25, inProgress: 25, overdue: 12.5, failed: 12.5, notStarted: 25 });
    expect(Object.values(percents).reduce((a, b) => a + b, 0)).toBe(100);
    expect(segmentPercents(armSegments(progress(0, 0, 0)))).toEqual({ completed: 0, inProgress: 0, overdue: 0, failed: 0, notStarted: 0 });
  });

  it('polls while a cycle is starting or running only', () => {
    expect(needsPolling([{ status: 'Closed' }, { status: 'Running' }])).toBe(true);
    expect(needsPolling([{ status: 'Starting' }])).toBe(true);
    expect(needsPolling([{ status: 'Closed' }, { status: 'Failed' }])).toBe(false);
    expect(needsPolling([])).toBe(false);
  });
});
