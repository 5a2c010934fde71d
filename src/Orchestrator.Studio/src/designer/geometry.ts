/** Sizes of an activity card on the canvas; layout, swimlanes and the card itself use the same numbers. */
import type { ReactFlowState } from '@xyflow/react';

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

/** What the canvas shows: activity cards (sized by their ports) and swimlane bands (sized by their data). */
export interface ShownNode {
  type?: string;
  position: { x: number; y: number };
  data: { ports?: readonly string[]; width?: number; height?: number };
}

/**
 * The box around everything on the canvas, from the sizes the cards and bands are drawn at; it does not wait for the
 * browser to measure them, so a view can be fitted in the same moment the layout changes.
 */
export function diagramBounds(nodes: readonly ShownNode[]): Bounds {
  if (nodes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const lane = node.type === 'lane';
    const width = lane ? (node.data.width ?? 0) : cardWidth;
    const height = lane ? (node.data.height ?? 0) : cardHeight(node.data.ports?.length ?? 0);
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + width);
    bottom = Math.max(bottom, node.position.y + height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Scale limits of a fitted view: never enlarged past scale 1, never smaller than the canvas allows. */
export const fitZoom = { min: 0.1, max: 1 };

/**
 * The view that shows the whole diagram, centred, with `padding` screen pixels around it: at scale 1 when it fits,
 * otherwise as large as the smaller of width and height allows. `coveredTop` screen pixels at the top are left free
 * for a panel floating there (at most half the height). Used on first load and when the view changes between free
 * layout and swimlanes; after that the user's own zoom is kept.
 */
export function fitViewport(bounds: Bounds, view: { width: number; height: number }, padding = 24, coveredTop = 0): { x: number; y: number; zoom: number } {
  const top = Math.min(Math.max(coveredTop, 0), view.height / 2);
  const height = view.height - top;
  const fit = Math.min((view.width - 2 * padding) / Math.max(bounds.width, 1), (height - 2 * padding) / Math.max(bounds.height, 1));
  const zoom = Math.min(fitZoom.max, Math.max(fitZoom.min, fit));
  const x = (view.width - bounds.width * zoom) / 2 - bounds.x * zoom;
  const y = top + (height - bounds.height * zoom) / 2 - bounds.y * zoom;
  return { x: Math.round(x), y: Math.round(y), zoom };
}

/**
 * The smallest scale at which every text on a card and on a connection is at least 12 px on screen: the smallest
 * of them is 14 px at scale 1. A diagram opens no smaller than this; the rest is reached by scrolling.
 */
export const legibleZoom = 12 / 14;

/**
 * The view a diagram opens with: fitted whole when that keeps its text legible, else at the legible scale with its
 * start (left edge, and top unless it fits the height) in view.
 */
export function openViewport(bounds: Bounds, view: { width: number; height: number }, padding = 24, coveredTop = 0): { x: number; y: number; zoom: number } {
  const fitted = fitViewport(bounds, view, padding, coveredTop);
  if (fitted.zoom >= legibleZoom || bounds.width === 0) return fitted;
  const zoom = legibleZoom;
  const top = Math.min(Math.max(coveredTop, 0), view.height / 2);
  const height = view.height - top;
  const x = padding - bounds.x * zoom;
  const fitsHeight = bounds.height * zoom <= height - 2 * padding;
  const y = fitsHeight ? top + (height - bounds.height * zoom) / 2 - bounds.y * zoom : top + padding - bounds.y * zoom;
  return { x: Math.round(x), y: Math.round(y), zoom };
}

/** Below this scale a card shows only its name (and its run or overlay figure), written large enough to read. */
export const overviewZoom = 0.7;
/** The canvas's scale while it is below the overview threshold (in steps of 0.02), else null: a store selector, so
 * cards re-render only while zoomed out. */
export const overviewScale = (s: Pick<ReactFlowState, 'transform'>): number | null =>
  s.transform[2] < overviewZoom ? Math.round(s.transform[2] * 50) / 50 : null;
/** The size on screen that overview text aims at, in CSS pixels. */
const overviewScreenFont = 12;
const overviewLineHeight = 1.1;
/** The overview card's inner padding (top plus bottom), in canvas units. */
const overviewPadding = 4;

/**
 * How a card writes its name at a small scale: a font size in canvas units that comes out at least 12 px on screen
 * (16 at least, 44 at most), and how many whole lines of it fit in the card beside an optional line for a figure.
 */
export function overviewText(zoom: number, height: number, figureLine: boolean): { fontSize: number; lines: number } {
  const fontSize = Math.min(44, Math.max(16, Math.ceil(overviewScreenFont / Math.max(zoom, 0.01))));
  const line = fontSize * overviewLineHeight;
  const room = height - overviewPadding - (figureLine ? line : 0);
  return { fontSize, lines: Math.max(1, Math.floor(room / line)) };
}

/** A label's width in ems: full-width (Japanese) characters one each, others (Latin letters, digits) about 0.6. */
export function textEms(text: string): number {
  let ems = 0;
  for (const char of text) ems += char.charCodeAt(0) > 0x2e7f ? 1 : 0.6;
  return ems;
}

/** The swimlane label's font size in canvas units: readable when zoomed out, but on one line within the label column. */
export function laneLabelFont(zoom: number, labelWidth: number, label: string): number {
  const wanted = Math.max(16, overviewScreenFont / Math.max(zoom, 0.01));
  const room = (labelWidth - 24) / Math.max(textEms(label), 1);
  return Math.round(Math.max(16, Math.min(wanted, room)));
}

/** Room kept free around a card when a new one is placed, in canvas units. */
const placementGap = 24;

/**
 * Where a new card of `height` goes when it is wanted at `wanted`: there, if it overlaps no card; else the nearest
 * free place on a grid of card-sized steps around it (so a drop never lands on top of another card).
 */
export function freePosition(
  wanted: { x: number; y: number },
  height: number,
  cards: readonly { position: { x: number; y: number }; height: number }[],
): { x: number; y: number } {
  const overlaps = (x: number, y: number) =>
    cards.some(
      (c) =>
        x < c.position.x + cardWidth + placementGap &&
        c.position.x < x + cardWidth + placementGap &&
        y < c.position.y + c.height + placementGap &&
        c.position.y < y + height + placementGap,
    );
  if (!overlaps(wanted.x, wanted.y)) return wanted;
  const stepX = cardWidth + placementGap;
  const stepY = Math.max(height, 120) + placementGap;
  for (let ring = 1; ring < 50; ring++) {
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const x = wanted.x + i * stepX;
        const y = wanted.y + j * stepY;
        candidates.push({ x, y, d: Math.hypot(i * stepX, j * stepY) });
      }
    candidates.sort((a, b) => a.d - b.d);
    const free = candidates.find((c) => !overlaps(c.x, c.y));
    if (free) return { x: free.x, y: free.y };
  }
  return wanted;
}
