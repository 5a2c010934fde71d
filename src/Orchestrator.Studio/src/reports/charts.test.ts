import { describe, expect, it } from 'vitest';
import type { TrendCycle } from './api';
import { axisTicks, cycleLabel } from './charts';

const cycle = (order: number, pilotId: string | null, cycleNumber: number | null): TrendCycle => ({
  cycleId: `c${order}`,
  pilotId,
  cycleNumber,
  order,
  firstCaseStartedAt: '2026-11-24T00:00:00Z',
  asIs: { n: 1, touchMinutes: 10, leadTimeHours: 1, costYen: 100 },
  toBe: { n: 1, touchMinutes: 5, leadTimeHours: 1, costYen: 50 },
  deltaTouchMinutes: 5,
});

describe('trend cycle labels', () => {
  it('use the pilot’s own cycle numbers when every cycle is of one pilot', () => {
    const cycles = [cycle(1, 'demo', 7), cycle(2, 'demo', 8)];
    expect(cycles.map((c) => cycleLabel(c, cycles))).toEqual([7, 8]);
  });

  it('fall back to the order when cycles of several pilots, or cases outside pilots, are shown together', () => {
    const mixed = [cycle(1, 'demo', 7), cycle(2, 'other', 1)];
    expect(mixed.map((c) => cycleLabel(c, mixed))).toEqual([1, 2]);
    const outside = [cycle(1, null, null), cycle(2, 'demo', 3)];
    expect(outside.map((c) => cycleLabel(c, outside))).toEqual([1, 2]);
  });
});

describe('trend axis ticks', () => {
  it('are round steps from 0 that reach the largest value', () => {
    expect(axisTicks(47)).toEqual([0, 20, 40, 60]);
    expect(axisTicks(100)).toEqual([0, 50, 100]);
    expect(axisTicks(3.2)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(0)).toEqual([0]);
  });
});
