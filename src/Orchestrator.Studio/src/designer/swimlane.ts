/**
 * Swimlanes: one lane per actor organisation level, the way reform projects draw their as-is flow charts
 * (住民 at the top, then 市町村, 都道府県, 国, and systems). A step's lane comes from its measurement metadata;
 * plumbing without measurement (Start, decisions, End) joins the lane of the step before it, else the step after it.
 */
import { cardHeight, cardWidth } from './geometry';
import { measurementOf } from './measurement';
import { isObject, readInput, type ActivityNode, type ConnectionEdge, type JsonObject } from './model';

export const lanes = ['Resident', 'Municipality', 'Prefecture', 'National', 'System'] as const;
export type Lane = (typeof lanes)[number];

export function isLane(value: unknown): value is Lane {
  return typeof value === 'string' && (lanes as readonly string[]).includes(value);
}

function literal(activity: JsonObject, input: string): string | null {
  const value = readInput(activity, input);
  return value && value.expressionType === 'Literal' && typeof value.value === 'string' ? value.value : null;
}

/** The lane an activity states itself: measurement.actorOrgLevel, else the level its type implies; null when it says none. */
export function declaredLane(activity: JsonObject): Lane | null {
  const level = measurementOf(activity).actorOrgLevel;
  if (isLane(level)) return level;
  switch (activity.type) {
    case 'Orchestrator.HumanTask': {
      const assignee = literal(activity, 'assigneeOrgLevel');
      return isLane(assignee) ? assignee : null;
    }
    case 'Orchestrator.Handoff': {
      const from = literal(activity, 'fromOrgLevel');
      return isLane(from) ? from : null;
    }
    case 'Orchestrator.AgencyCall':
    case 'Elsa.FlowSendHttpRequest':
      return 'System';
    default:
      return null;
  }
}

/** Every node's lane; undeclared ones inherit from the nearest declared predecessor, else successor, else System. */
export function assignLanes(nodes: readonly ActivityNode[], edges: readonly ConnectionEdge[]): Map<string, Lane> {
  const declared = new Map<string, Lane>();
  for (const node of nodes) {
    const lane = isObject(node.data.activity) ? declaredLane(node.data.activity) : null;
    if (lane) declared.set(node.id, lane);
  }
  const nearest = (start: string, next: (id: string) => string[]): Lane | null => {
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length > 0) {
      const following: string[] = [];
      for (const id of frontier) {
        for (const other of next(id)) {
          if (seen.has(other)) continue;
          const lane = declared.get(other);
          if (lane) return lane;
          seen.add(other);
          following.push(other);
        }
      }
      frontier = following;
    }
    return null;
  };
  const predecessors = (id: string) => edges.filter((e) => e.target === id).map((e) => e.source);
  const successors = (id: string) => edges.filter((e) => e.source === id).map((e) => e.target);
  const result = new Map<string, Lane>();
  for (const node of nodes) {
    result.set(node.id, declared.get(node.id) ?? nearest(node.id, predecessors) ?? nearest(node.id, successors) ?? 'System');
  }
  return result;
}

export interface LaneBand {
  lane: Lane;
  y: number;
  height: number;
}

export interface SwimlaneLayout {
  positions: Map<string, { x: number; y: number }>;
  bands: LaneBand[];
  /** Horizontal extent of the bands (they span every node). */
  left: number;
  width: number;
}

const lanePadding = 24;
const horizontalGap = 24;
export const laneLabelWidth = 140;

/**
 * Places every node in its lane, keeping its x (the order of the flow) and stacking nodes that would overlap
 * into rows inside the lane. Every lane is drawn, an empty one thin, so charts of different processes line up.
 */
export function swimlaneLayout(nodes: readonly ActivityNode[], edges: readonly ConnectionEdge[]): SwimlaneLayout {
  const assigned = assignLanes(nodes, edges);
  const rowHeight = Math.max(cardHeight(1), ...nodes.map((n) => cardHeight(n.data.ports.length))) + 24;
  const positions = new Map<string, { x: number; y: number }>();
  const bands: LaneBand[] = [];
  let top = 0;
  for (const lane of lanes) {
    const members = nodes.filter((n) => assigned.get(n.id) === lane).sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);
    const rowEnds: number[] = [];
    for (const node of members) {
      let row = rowEnds.findIndex((end) => node.position.x >= end + horizontalGap);
      if (row === -1) {
        row = rowEnds.length;
        rowEnds.push(0);
      }
      rowEnds[row] = node.position.x + cardWidth;
      positions.set(node.id, { x: node.position.x, y: top + lanePadding + row * rowHeight });
    }
    const height = members.length === 0 ? 64 : lanePadding * 2 + rowEnds.length * rowHeight - 24;
    bands.push({ lane, y: top, height });
    top += height;
  }
  const xs = nodes.map((n) => n.position.x);
  const minX = xs.length ? Math.min(...xs) : 0;
  const maxX = xs.length ? Math.max(...xs) + cardWidth : cardWidth;
  const left = minX - laneLabelWidth - 24;
  return { positions, bands, left, width: maxX - left + 48 };
}
