import { describe, expect, it } from 'vitest';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { toCanvas } from './model';
import { colourIndex, colourScale, overlayFigures, type StepsReport } from './overlay';

const stat = (median: number, p90: number, touch: number) => ({
  n: 12,
  cases: 10,
  actorOrgLevel: 'Municipality',
  durationMinutes: { mean: median, median, p90 },
  touchMinutes: { mean: touch, median: touch, p90: touch * 2 },
  formsPerCase: 1,
});

const report: StepsReport = {
  processes: [
    {
      processKey: 'okuyami',
      steps: [
        { stepCode: 'OKU-010', name: '死亡届受付', classification: 'shortened', asIs: stat(30, 55, 15), toBe: stat(10, 20, 8) },
        { stepCode: 'OKU-020', name: '住基記載', classification: 'automated', asIs: stat(120, 300, 0), toBe: null },
      ],
    },
  ],
};

describe('performance overlay', () => {
  it('maps nodes to steps by step code and takes the figure of the definition’s arm', () => {
    const { nodes } = toCanvas(okuyamiDefinition(), descriptors);
    const asIs = overlayFigures(nodes, report, 'okuyami', 'AsIs', 'durationP90');
    expect(Object.fromEntries([...asIs].map(([id, f]) => [id, f.value]))).toEqual({ intake: 55, juki: 300 });
    const toBe = overlayFigures(nodes, report, 'okuyami', 'ToBe', 'touchMedian');
    expect(Object.fromEntries([...toBe].map(([id, f]) => [id, f.value]))).toEqual({ intake: 8 });
    expect(overlayFigures(nodes, report, 'tenshutsu', 'AsIs', 'durationMedian').size).toBe(0);
    expect(overlayFigures(nodes, { processes: [] }, 'okuyami', 'AsIs', 'durationMedian').size).toBe(0);
  });

  it('splits the range into five equal classes from shortest to longest', () => {
    const scale = colourScale([10, 20, 60])!;
    expect(scale).toEqual({ min: 10, max: 60, breaks: [20, 30, 40, 50] });
    expect(colourIndex(10, scale)).toBe(0);
    expect(colourIndex(19.9, scale)).toBe(0);
    expect(colourIndex(20, scale)).toBe(1);
    expect(colourIndex(45, scale)).toBe(3);
    expect(colourIndex(60, scale)).toBe(4);
  });

  it('gives one value the middle colour and no values no scale', () => {
    const single = colourScale([42])!;
    expect(colourIndex(42, single)).toBe(2);
    expect(colourScale([])).toBeNull();
    expect(colourScale([Number.NaN])).toBeNull();
  });
});
