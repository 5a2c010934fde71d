import { describe, expect, it } from 'vitest';
import { ranking } from '../test/inventory';
import type { RankedProcedure } from './api';
import { scatter } from './scatter';

const box = { width: 600, height: 400, left: 100, right: 0, top: 0, bottom: 100 };
const at = (code: string, effect: number, feasibility: number, rank = 1): RankedProcedure => ({
  ...ranking.ranked[0]!,
  code,
  rank,
  criteria: {
    ...ranking.ranked[0]!.criteria,
    Effect: { input: effect, normalized: 0, contribution: 0 },
    Feasibility: { input: feasibility, normalized: 0, contribution: 0 },
  },
});

describe('scatter', () => {
  it('puts feasibility across and effect up on a log scale from the decade below the smallest to the one above the largest', () => {
    const plot = scatter([at('A', 1_000_000, 5), at('B', 1_000, 1)], box);
    // Plot area 500 × 300; feasibility 0.5 … 5.5; effect 10^3 … 10^6.
    expect(plot.xTicks.map((t) => t.x)).toEqual([150, 250, 350, 450, 550]);
    expect(plot.yTicks.map((t) => [t.value, t.y])).toEqual([
      [1_000, 300],
      [10_000, 200],
      [100_000, 100],
      [1_000_000, 0],
    ]);
    expect(plot.points.map((p) => [p.code, p.x, p.y])).toEqual([
      ['A', 550, 0],
      ['B', 150, 300],
    ]);
    // Medians of two: feasibility 3, effect 500,500.
    expect(plot.medianX).toBe(350);
    expect(plot.medianY).toBeCloseTo(300 - (Math.log10(500_500) - 3) * 100, 9);
  });

  it('spreads procedures of equal feasibility sideways, the best ranked in the middle', () => {
    const plot = scatter([at('A', 5_000, 3, 1), at('B', 5_000, 3, 2), at('C', 5_000, 3, 3)], box);
    // 0.08 of a feasibility unit is 8 px: 0, +8, −8, +16, −16, then round again.
    const more = scatter(
      [1, 2, 3, 4, 5, 6].map((rank) => at(`P${rank}`, 5_000, 3, rank)),
      box,
    );
    expect(more.points.map((p) => p.x)).toEqual([350, 358, 342, 366, 334, 350]);
    expect(plot.points.map((p) => p.x)).toEqual([350, 358, 342]);
  });

  it('leaves out a procedure whose effect or feasibility is not known', () => {
    const unknown = at('U', 1, 1);
    unknown.criteria = { ...unknown.criteria, Feasibility: { input: null, normalized: 0, contribution: 0 } };
    expect(scatter([at('A', 100, 2), unknown], box).points.map((p) => p.code)).toEqual(['A']);
  });
});
