import { describe, expect, it } from 'vitest';
import { cardHeight, initialViewport, portOffset } from './geometry';

describe('canvas geometry', () => {
  it('centres a diagram that fits, at most at scale 1', () => {
    expect(initialViewport({ x: 0, y: 0, width: 400, height: 200 }, { width: 800, height: 600 })).toEqual({ x: 200, y: 200, zoom: 1 });
  });

  it('shows the start of a long process at a readable scale instead of shrinking it', () => {
    const v = initialViewport({ x: 0, y: 0, width: 3000, height: 900 }, { width: 740, height: 640 });
    expect(v.zoom).toBe(0.55);
    expect(v.x).toBe(24); // the leftmost card at the left edge
    expect(v.y).toBe(Math.round((640 - 900 * 0.55) / 2));
  });

  it('spaces the ports of a card evenly around its middle', () => {
    expect(cardHeight(1)).toBe(120);
    expect(portOffset(0, 1)).toBe(60);
    expect(cardHeight(6)).toBe(176);
    expect([0, 1, 2].map((i) => portOffset(i, 3))).toEqual([38, 60, 82]);
  });
});
