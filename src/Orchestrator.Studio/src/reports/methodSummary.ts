import type { FigureSource, TimeCapture } from './api';

/** One way of taking time, with how many steps and executions it covers. */
export interface CaptureGroup {
  method: string;
  steps: number;
  executions: number;
  simulated: number;
}

/** One kind of metadata figure from one source, with how many steps state it and how many of those give a basis. */
export interface SourceGroup {
  figure: string;
  source: string;
  steps: number;
  withBasis: number;
}

/**
 * The method on paper: per way of taking time and per figure and source, not per step. Listed per step they filled 16
 * of the demo pilot's 43 A4 pages; the figures per step are in the Excel workbook's 出所 sheet.
 */
export function captureGroups(rows: readonly TimeCapture[], method: (row: TimeCapture) => string): CaptureGroup[] {
  const groups = new Map<string, CaptureGroup>();
  for (const r of rows) {
    // The way itself, without the sentence on this step's simulated share: the group shows its own share.
    const key = method(r).split('。うち')[0] ?? '';
    const g = groups.get(key) ?? { method: key, steps: 0, executions: 0, simulated: 0 };
    g.steps += 1;
    g.executions += r.executions;
    g.simulated += r.simulated;
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function sourceGroups(rows: readonly FigureSource[], figure: (row: FigureSource) => string): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const r of rows) {
    const name = figure(r);
    const key = `${name}\u0000${r.source}`;
    const g = groups.get(key) ?? { figure: name, source: r.source, steps: 0, withBasis: 0 };
    g.steps += 1;
    if (r.basis) g.withBasis += 1;
    groups.set(key, g);
  }
  return [...groups.values()];
}
