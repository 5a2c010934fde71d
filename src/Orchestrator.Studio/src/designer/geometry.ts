/** Sizes of an activity card on the canvas; layout, swimlanes and the card itself use the same numbers. */
export const cardWidth = 208;
const portRowHeight = 22;

/** A card grows with its outcome ports, which are listed down its right edge. */
export function cardHeight(portCount: number): number {
  return Math.max(120, 44 + portCount * portRowHeight);
}

/** Vertical centre of the n-th port's handle, from the card's top edge. */
export function portOffset(index: number, portCount: number): number {
  const height = cardHeight(portCount);
  const block = portCount * portRowHeight;
  return (height - block) / 2 + index * portRowHeight + portRowHeight / 2;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Scale limits of the first view: never above 1, and never so small that cards cannot be read. */
export const readableZoom = { min: 0.55, max: 1 };

/**
 * The first view of a diagram: everything when it fits at a readable scale (centred), otherwise the readable scale
 * with the start of the flow (its left edge) in view, vertically centred.
 */
export function initialViewport(bounds: Bounds, view: { width: number; height: number }, padding = 24): { x: number; y: number; zoom: number } {
  const fit = Math.min((view.width - 2 * padding) / Math.max(bounds.width, 1), (view.height - 2 * padding) / Math.max(bounds.height, 1));
  const zoom = Math.min(readableZoom.max, Math.max(readableZoom.min, fit));
  const centredX = (view.width - bounds.width * zoom) / 2 - bounds.x * zoom;
  const x = bounds.width * zoom <= view.width - 2 * padding ? centredX : padding - bounds.x * zoom;
  const y = bounds.height * zoom <= view.height - 2 * padding ? (view.height - bounds.height * zoom) / 2 - bounds.y * zoom : padding - bounds.y * zoom;
  return { x: Math.round(x), y: Math.round(y), zoom };
}
