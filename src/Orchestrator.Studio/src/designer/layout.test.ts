import { describe, expect, it } from 'vitest';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { cardHeight, cardWidth } from './geometry';
import { autoLayout, moveNodes } from './layout';
import { toCanvas } from './model';

describe('auto-layout', () => {
  it('places every activity to the right of the ones it follows, without overlaps', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const positions = autoLayout(canvas.nodes, canvas.edges);
    expect([...positions.keys()].sort()).toEqual(canvas.nodes.map((n) => n.id).sort());
    for (const edge of canvas.edges) {
      expect(positions.get(edge.target)!.x).toBeGreaterThanOrEqual(positions.get(edge.source)!.x + cardWidth);
    }
    const boxes = canvas.nodes.map((n) => ({ ...positions.get(n.id)!, h: cardHeight(n.data.ports.length) }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + cardWidth && b.x < a.x + cardWidth && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    for (const p of positions.values()) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it('wraps a long process into rows that fit the canvas, read left to right and then downwards', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const single = autoLayout(canvas.nodes, canvas.edges);
    const singleWidth = Math.max(...[...single.values()].map((p) => p.x)) + cardWidth;
    const positions = autoLayout(canvas.nodes, canvas.edges, 800);
    const width = Math.max(...[...positions.values()].map((p) => p.x)) + cardWidth;
    expect(width).toBeLessThanOrEqual(800);
    expect(singleWidth).toBeGreaterThan(800);
    // Rows do not overlap: every card of a later row is below every card of an earlier one.
    const boxes = canvas.nodes.map((n) => ({ ...positions.get(n.id)!, h: cardHeight(n.data.ports.length) }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x < b.x + cardWidth && b.x < a.x + cardWidth && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
    // The start is in the first row, at the left.
    expect(positions.get('start')).toEqual({ x: 0, y: expect.any(Number) as number });
  });

  it('moves only the nodes it has positions for', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const moved = moveNodes(canvas.nodes, new Map([['intake', { x: 7, y: 8 }]]));
    expect(moved.find((n) => n.id === 'intake')!.position).toEqual({ x: 7, y: 8 });
    expect(moved.find((n) => n.id === 'start')).toBe(canvas.nodes.find((n) => n.id === 'start'));
  });
});
