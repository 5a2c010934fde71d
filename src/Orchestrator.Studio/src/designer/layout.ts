/**
 * Auto-layout: dagre's layered layout, left to right like the shipped processes, wrapped into rows that fit the
 * canvas: a long process reads like lines of text (left to right, then the next row below) instead of one row that
 * shrinks to an unreadable scale.
 */
import dagre from '@dagrejs/dagre';
import { cardHeight, cardWidth } from './geometry';
import type { ActivityNode, ConnectionEdge } from './model';

const rankGap = 64;
const rowGap = 96;

/**
 * New top-left positions for the nodes (rounded), from the connections between them. `width` is the room for one
 * row in canvas units (the canvas's width at the scale it opens with); without it the flow stays on one row.
 */
export function autoLayout(nodes: readonly ActivityNode[], edges: readonly ConnectionEdge[], width = Infinity): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: rankGap, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) graph.setNode(node.id, { width: cardWidth, height: cardHeight(node.data.ports.length) });
  for (const edge of edges) {
    if (ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  const placed = nodes.map((node) => {
    const p = graph.node(node.id);
    const height = cardHeight(node.data.ports.length);
    return { id: node.id, x: Math.round(p.x - cardWidth / 2), y: Math.round(p.y - height / 2), height };
  });
  return wrapIntoRows(placed, width);
}

/** Cuts the layered layout into rows of whole columns (ranks) that fit `width`, stacked top to bottom. */
function wrapIntoRows(placed: readonly { id: string; x: number; y: number; height: number }[], width: number): Map<string, { x: number; y: number }> {
  const columns = [...new Set(placed.map((p) => p.x))].sort((a, b) => a - b);
  const step = cardWidth + rankGap;
  const perRow = Math.max(2, Math.floor((width + rankGap) / step));
  const rowOf = (x: number) => (columns.length <= perRow ? 0 : Math.floor(columns.indexOf(x) / perRow));
  const rows = new Map<number, { left: number; top: number; bottom: number }>();
  for (const p of placed) {
    const row = rowOf(p.x);
    const r = rows.get(row) ?? { left: Infinity, top: Infinity, bottom: -Infinity };
    rows.set(row, { left: Math.min(r.left, p.x), top: Math.min(r.top, p.y), bottom: Math.max(r.bottom, p.y + p.height) });
  }
  const offsets = new Map<number, number>();
  let y = 0;
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const r = rows.get(row)!;
    offsets.set(row, y - r.top);
    y += r.bottom - r.top + rowGap;
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const p of placed) {
    const row = rowOf(p.x);
    positions.set(p.id, { x: p.x - rows.get(row)!.left, y: p.y + offsets.get(row)! });
  }
  return positions;
}

/** The nodes moved to the given positions (others unchanged). */
export function moveNodes(nodes: readonly ActivityNode[], positions: ReadonlyMap<string, { x: number; y: number }>): ActivityNode[] {
  return nodes.map((n) => {
    const to = positions.get(n.id);
    return to ? { ...n, position: to } : n;
  });
}
