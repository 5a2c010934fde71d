/**
 * Geometry of the effect-vs-feasibility scatter plot: feasibility (1–5) across, effect (hours a year) up on a log
 * scale (the demo's effects span four orders of magnitude), with medians as guides. Procedures with the same
 * feasibility are spread a little sideways, in rank order, so that points of close effect do not hide each other.
 */
import type { RankedProcedure } from './api';

export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlotPoint {
  code: string;
  rank: number;
  x: number;
  y: number;
  effect: number;
  feasibility: number;
}

export interface Scatter {
  points: PlotPoint[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  medianX: number | null;
  medianY: number | null;
}

/** Sideways offsets (in feasibility units) taken in turn by procedures of equal feasibility: never more than ±0.16. */
const offsets = [0, 0.08, -0.08, 0.16, -0.16];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The points of the ranked procedures that have both an effect and a feasibility figure. */
export function scatter(ranked: readonly RankedProcedure[], box: PlotBox): Scatter {
  const usable = ranked.filter((r) => r.criteria.Effect.input !== null && r.criteria.Feasibility.input !== null);
  const effects = usable.map((r) => Math.max(r.criteria.Effect.input ?? 0, 1));
  const low = effects.length === 0 ? 0 : Math.floor(Math.log10(Math.min(...effects)));
  const high = Math.max(effects.length === 0 ? 1 : Math.ceil(Math.log10(Math.max(...effects))), low + 1);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const xOf = (feasibility: number) => box.left + ((feasibility - 0.5) / 5) * plotWidth;
  const yOf = (effect: number) => box.top + plotHeight - ((Math.log10(Math.max(effect, 1)) - low) / (high - low)) * plotHeight;

  const sameFeasibility = new Map<number, number>();
  const points = usable.map((r) => {
    const feasibility = r.criteria.Feasibility.input!;
    const effect = r.criteria.Effect.input!;
    const index = sameFeasibility.get(feasibility) ?? 0;
    sameFeasibility.set(feasibility, index + 1);
    return { code: r.code, rank: r.rank, x: xOf(feasibility + offsets[index % offsets.length]!), y: yOf(effect), effect, feasibility };
  });
  const medianFeasibility = median(usable.map((r) => r.criteria.Feasibility.input!));
  const medianEffect = median(usable.map((r) => r.criteria.Effect.input!));
  return {
    points,
    xTicks: [1, 2, 3, 4, 5].map((value) => ({ value, x: xOf(value) })),
    yTicks: Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i)).map((value) => ({ value, y: yOf(value) })),
    medianX: medianFeasibility === null ? null : xOf(medianFeasibility),
    medianY: medianEffect === null ? null : yOf(medianEffect),
  };
}
