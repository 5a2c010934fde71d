/**
 * The performance overlay: nodes coloured by a step's measured median or P90 duration or touch time, from
 * GET /api/reports/steps. Nodes match steps by `customProperties.measurement.stepCode`; the arm comes from the
 * definition (`customProperties.orchestrator.arm`). The types below are the part of reports/api's StepReport the
 * overlay reads.
 */
import { measurementOf } from './measurement';
import type { ActivityNode } from './model';

export interface Quantiles {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface StepStat {
  n: number;
  cases: number;
  actorOrgLevel?: string | null;
  durationMinutes: Quantiles;
  touchMinutes: Quantiles;
  formsPerCase?: number;
}

export interface StepRow {
  stepCode: string;
  name?: string | null;
  classification?: string;
  asIs: StepStat | null;
  toBe: StepStat | null;
}

export interface StepsReport {
  processes: { processKey: string; steps: StepRow[] }[];
}

export const overlayMetrics = ['durationMedian', 'durationP90', 'touchMedian', 'touchP90'] as const;
export type OverlayMetric = (typeof overlayMetrics)[number];

export function metricValue(stat: StepStat, metric: OverlayMetric): number | null {
  switch (metric) {
    case 'durationMedian':
      return stat.durationMinutes.median;
    case 'durationP90':
      return stat.durationMinutes.p90;
    case 'touchMedian':
      return stat.touchMinutes.median;
    case 'touchP90':
      return stat.touchMinutes.p90;
  }
}

export interface NodeFigure {
  value: number;
  n: number;
}

/** The metric per node id, for the nodes whose step code the report has figures for in this arm. */
export function overlayFigures(
  nodes: readonly ActivityNode[],
  report: StepsReport,
  processKey: string,
  arm: 'AsIs' | 'ToBe',
  metric: OverlayMetric,
): Map<string, NodeFigure> {
  const process = report.processes.find((p) => p.processKey === processKey);
  const byCode = new Map((process?.steps ?? []).map((s) => [s.stepCode, s]));
  const figures = new Map<string, NodeFigure>();
  for (const node of nodes) {
    const code = measurementOf(node.data.activity).stepCode;
    const row = typeof code === 'string' ? byCode.get(code) : undefined;
    const stat = row ? (arm === 'AsIs' ? row.asIs : row.toBe) : null;
    const value = stat && stat.n > 0 ? metricValue(stat, metric) : null;
    if (stat && value !== null) figures.set(node.id, { value, n: stat.n });
  }
  return figures;
}

/** Five steps from pale to dark; each has a text colour that reads on it. */
export const overlayColours = [
  { fill: '#fff7e0', text: '#1a1a1a' },
  { fill: '#ffe0a3', text: '#1a1a1a' },
  { fill: '#ffb561', text: '#1a1a1a' },
  { fill: '#e8772e', text: '#000000' },
  { fill: '#b04a0b', text: '#ffffff' },
] as const;

export interface ColourScale {
  min: number;
  max: number;
  /** Upper bounds of the first four classes (the fifth takes the rest). */
  breaks: number[];
}

/** An equal-interval scale over the values shown; a single value (or all equal) gets the middle colour. */
export function colourScale(values: readonly number[]): ColourScale | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const step = (max - min) / overlayColours.length;
  return { min, max, breaks: [1, 2, 3, 4].map((i) => min + step * i) };
}

/** Index of the colour class of a value (0 = shortest, 4 = longest). */
export function colourIndex(value: number, scale: ColourScale): number {
  if (scale.max === scale.min) return 2;
  const index = scale.breaks.findIndex((upper) => value < upper);
  return index === -1 ? overlayColours.length - 1 : index;
}
