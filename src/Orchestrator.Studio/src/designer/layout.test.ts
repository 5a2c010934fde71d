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

  it('moves only the nodes it has positions for', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const moved = moveNodes(canvas.nodes, new Map([['intake', { x: 7, y: 8 }]]));
    expect(moved.find((n) => n.id === 'intake')!.position).toEqual({ x: 7, y: 8 });
    expect(moved.find((n) => n.id === 'start')).toBe(canvas.nodes.find((n) => n.id === 'start'));
  });
});
