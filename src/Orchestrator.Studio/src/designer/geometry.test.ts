import { describe, expect, it } from 'vitest';
import {
  cardHeight,
  diagramBounds,
  fitViewport,
  freePosition,
  laneLabelFont,
  legibleZoom,
  openViewport,
  overviewScale,
  overviewText,
  portOffset,
  textEms,
} from './geometry';

describe('canvas geometry', () => {
  it('centres a diagram that fits, at most at scale 1', () => {
    expect(fitViewport({ x: 0, y: 0, width: 400, height: 200 }, { width: 800, height: 600 })).toEqual({ x: 200, y: 200, zoom: 1 });
  });

  it('shrinks a long process until all of it is in view, with the padding kept', () => {
    // The shipped おくやみ as-is process on the designer's canvas at 1600×1000.
    const bounds = { x: 0, y: 0, width: 3088, height: 920 };
    const view = { width: 1064, height: 760 };
    const v = fitViewport(bounds, view);
    expect(v.zoom).toBeCloseTo((1064 - 48) / 3088, 6);
    expect(v.x).toBe(24); // the width decides: left and right edges at the padding
    const top = v.y;
    const bottom = v.y + bounds.height * v.zoom;
    expect(top).toBeGreaterThanOrEqual(24);
    expect(Math.abs(top - (view.height - bottom))).toBeLessThanOrEqual(1); // centred vertically
  });

  it('takes the diagram’s offset into account and lets a tall diagram be decided by the height', () => {
    const v = fitViewport({ x: -200, y: 100, width: 600, height: 1800 }, { width: 1000, height: 600 });
    expect(v.zoom).toBeCloseTo(552 / 1800, 6);
    expect(v.y + 100 * v.zoom).toBeCloseTo(24, 0);
    const left = v.x - 200 * v.zoom;
    expect(left + (600 * v.zoom) / 2).toBeCloseTo(500, 0); // centred horizontally
  });

  it('opens a long diagram at a legible scale with its start in view, and a small one fitted whole', () => {
    // The shipped おくやみ as-is process at 1280×800: the canvas is about 740×560.
    const long = openViewport({ x: 0, y: 0, width: 3088, height: 920 }, { width: 740, height: 560 });
    expect(long.zoom).toBeCloseTo(legibleZoom, 6);
    expect(14 * long.zoom).toBeGreaterThanOrEqual(12);
    expect(long.x).toBe(24); // the left edge (the start) at the padding
    expect(long.y).toBe(24); // too tall to fit: the top in view
    expect(openViewport({ x: 0, y: 0, width: 400, height: 200 }, { width: 800, height: 600 })).toEqual({ x: 200, y: 200, zoom: 1 });
    const flat = openViewport({ x: 0, y: 0, width: 3000, height: 200 }, { width: 800, height: 600 });
    expect(flat.y + 100 * flat.zoom).toBeCloseTo(300, 0); // a flat diagram is centred vertically
  });

  it('places a new card where the user wanted it, or in the nearest free place', () => {
    const cards = [{ position: { x: 0, y: 0 }, height: 120 }];
    expect(freePosition({ x: 400, y: 0 }, 120, cards)).toEqual({ x: 400, y: 0 });
    const moved = freePosition({ x: 20, y: 10 }, 120, cards);
    const overlap = moved.x < 208 && moved.x + 208 > 0 && moved.y < 120 && moved.y + 120 > 0;
    expect(overlap).toBe(false);
    expect(Math.hypot(moved.x - 20, moved.y - 10)).toBeLessThanOrEqual(232 + 1);
  });

  it('finds the box around cards and swimlane bands from the sizes they are drawn at', () => {
    expect(diagramBounds([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
    const cards = [
      { type: 'activity', position: { x: 0, y: 0 }, data: { ports: ['Done'] } },
      { type: 'activity', position: { x: 2880, y: 800 }, data: { ports: ['True', 'False', 'Default', 'A', 'B', 'C'] } },
    ];
    expect(diagramBounds(cards)).toEqual({ x: 0, y: 0, width: 2880 + 208, height: 800 + cardHeight(6) });
    // A lane band starts left of the first card (its label column) and spans the whole flow.
    const lane = { type: 'lane', position: { x: -164, y: -40 }, data: { width: 3300, height: 200 } };
    expect(diagramBounds([...cards, lane])).toEqual({ x: -164, y: -40, width: 3300, height: 840 + cardHeight(6) });
  });

  it('keeps the diagram clear of a panel floating over the top of the canvas', () => {
    const bounds = { x: 0, y: 0, width: 3088, height: 920 };
    const view = { width: 1064, height: 760 };
    const free = fitViewport(bounds, view);
    const covered = fitViewport(bounds, view, 24, 230);
    expect(covered.zoom).toBe(free.zoom); // the width still decides the scale
    expect(covered.y).toBeGreaterThanOrEqual(230 + 24);
    expect(covered.y + 920 * covered.zoom).toBeLessThanOrEqual(760 - 24);
    // A panel taller than half the canvas leaves the lower half to the diagram, no less.
    const tall = fitViewport({ x: 0, y: 0, width: 400, height: 400 }, { width: 800, height: 600 }, 24, 500);
    expect(tall).toEqual({ x: 200 + Math.round((400 - 252) / 2), y: 324, zoom: 252 / 400 });
  });

  it('never goes below the canvas’s smallest scale', () => {
    expect(fitViewport({ x: 0, y: 0, width: 40000, height: 100 }, { width: 800, height: 600 }).zoom).toBe(0.1);
  });

  it('spaces the ports of a card evenly around its middle', () => {
    expect(cardHeight(1)).toBe(120);
    expect(portOffset(0, 1)).toBe(60);
    expect(cardHeight(6)).toBe(176);
    expect([0, 1, 2].map((i) => portOffset(i, 3))).toEqual([38, 60, 82]);
  });

  it('switches cards to the overview below scale 0.7, in steps small enough to follow the zoom', () => {
    expect(overviewScale({ transform: [0, 0, 1] })).toBeNull();
    expect(overviewScale({ transform: [0, 0, 0.7] })).toBeNull();
    expect(overviewScale({ transform: [10, 20, 0.333] })).toBe(0.34);
    expect(overviewScale({ transform: [0, 0, 0.69] })).toBe(0.7);
  });

  it('writes a zoomed-out card’s name at least 12 px high on screen, in as many lines as the card holds', () => {
    // おくやみ as-is fitted at 1600×1000 (scale about 0.33): two lines of the name in a plain card…
    const fitted = overviewText(0.33, cardHeight(1), false);
    expect(fitted.fontSize).toBe(37);
    expect(fitted.fontSize * 0.33).toBeGreaterThanOrEqual(12);
    expect(fitted.lines).toBe(2);
    // …one line fewer when a run or overlay figure needs its own line, and more lines in a card with many ports.
    expect(overviewText(0.33, cardHeight(1), true).lines).toBe(1);
    expect(overviewText(0.33, cardHeight(6), false).lines).toBe(4);
    // Near the threshold the text is still 12 px on screen; far out it stops growing.
    expect(overviewText(0.69, cardHeight(1), false).fontSize * 0.69).toBeGreaterThanOrEqual(12);
    expect(overviewText(0.69, cardHeight(1), false).fontSize).toBe(18);
    expect(overviewText(0.1, cardHeight(1), false).fontSize).toBe(44);
  });

  it('writes a lane’s label large when zoomed out, as long as it stays on one line in its column', () => {
    expect(textEms('都道府県')).toBe(4);
    expect(textEms('Municipality')).toBeCloseTo(7.2, 6);
    expect(laneLabelFont(1, 140, '市町村')).toBe(16);
    expect(laneLabelFont(0.33, 140, '国')).toBe(36);
    expect(laneLabelFont(0.33, 140, '都道府県')).toBe(29); // (140 − 24) / 4
    expect(laneLabelFont(0.33, 140, 'Municipality')).toBe(16);
  });
});
