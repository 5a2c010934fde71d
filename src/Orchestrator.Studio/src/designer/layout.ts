/** Auto-layout: dagre's layered layout, left to right like the shipped processes. */
import dagre from '@dagrejs/dagre';
import { cardHeight, cardWidth } from './geometry';
import type { ActivityNode, ConnectionEdge } from './model';

/** New top-left positions for the nodes (rounded), from the connections between them. */
export function autoLayout(nodes: readonly ActivityNode[], edges: readonly ConnectionEdge[]): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 64, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) graph.setNode(node.id, { width: cardWidth, height: cardHeight(node.data.ports.length) });
  for (const edge of edges) {
    if (ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    const height = cardHeight(node.data.ports.length);
    positions.set(node.id, { x: Math.round(placed.x - cardWidth / 2), y: Math.round(placed.y - height / 2) });
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
