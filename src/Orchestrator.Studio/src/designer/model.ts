/**
 * Pure conversions between Elsa 3 definition JSON and the canvas model (React Flow nodes and edges).
 * The designer never rebuilds an activity or a connection from scratch: each node keeps the activity object it came
 * from and each edge the connection object, so every property the designer does not understand survives a round trip.
 */
import type { Edge, Node } from '@xyflow/react';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface LocalizedText {
  ja: string;
  en: string;
}

export interface InputDescriptor {
  name: string;
  typeName: string;
  uiHint: string;
  displayName: LocalizedText;
  defaultValue?: Json;
  required?: boolean;
  options?: string[] | null;
}

export interface ActivityDescriptor {
  type: string;
  category: string;
  displayName: LocalizedText;
  description: LocalizedText;
  inputs: InputDescriptor[];
  outputs: { name: string; typeName: string }[];
  outcomes: string[];
  dynamicOutcomesInput?: string | null;
  isContainer?: boolean;
  isBlocking?: boolean;
  isTrigger?: boolean;
}

export interface Activity extends JsonObject {
  id: string;
  type: string;
}

export interface ActivityNodeData extends Record<string, unknown> {
  activity: Activity;
  /** Outcome ports, in the order they are drawn. */
  ports: string[];
  /** The position the activity's JSON stands for (for one without a designer position, where it was first drawn):
   * the position is written back only when the node has moved from it, so an untouched activity stays as it came. */
  storedPosition: { x: number; y: number };
  /** Validation messages that point at this activity. */
  problems?: string[];
}

export type ActivityNode = Node<ActivityNodeData, 'activity'>;

export interface ConnectionEdgeData extends Record<string, unknown> {
  /** The connection as it came; null for one drawn on this canvas. */
  connection: JsonObject | null;
}

export type ConnectionEdge = Edge<ConnectionEdgeData>;

export interface CanvasState {
  nodes: ActivityNode[];
  edges: ConnectionEdge[];
}

export const expressionTypes = ['Literal', 'JavaScript', 'Liquid', 'Object'] as const;
export type ExpressionType = (typeof expressionTypes)[number];

export const orgLevels = ['Resident', 'Municipality', 'Prefecture', 'National', 'System'] as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function rootOf(definition: JsonObject): JsonObject {
  return isObject(definition.root) ? definition.root : {};
}

/** Reads a member in camelCase or, for 3.0-era files, PascalCase. */
function member(object: JsonObject, name: string): Json | undefined {
  if (name in object) return object[name];
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return pascal in object ? object[pascal] : undefined;
}

export interface InputValue {
  typeName: string | null;
  expressionType: string;
  value: Json;
}

/** An input property: the Elsa wrapper `{typeName, expression:{type, value}}`, or a bare primitive read as Literal. */
export function readInput(activity: JsonObject, name: string): InputValue | undefined {
  const raw = member(activity, name);
  if (raw === undefined) return undefined;
  if (isObject(raw)) {
    const expression = member(raw, 'expression');
    if (isObject(expression)) {
      const type = member(expression, 'type');
      const typeName = member(raw, 'typeName');
      return {
        typeName: typeof typeName === 'string' ? typeName : null,
        expressionType: typeof type === 'string' ? type : 'Literal',
        value: member(expression, 'value') ?? null,
      };
    }
    return { typeName: null, expressionType: 'Object', value: raw };
  }
  return { typeName: null, expressionType: Array.isArray(raw) ? 'Object' : 'Literal', value: raw };
}

/** A copy of the activity with the input set (keeps whatever else the wrapper held). */
export function writeInput(activity: Activity, name: string, typeName: string, expressionType: string, value: Json): Activity {
  const existing = activity[name];
  const wrapper: JsonObject = isObject(existing) && isObject(existing.expression) ? clone(existing) : {};
  wrapper.typeName = typeof wrapper.typeName === 'string' ? wrapper.typeName : typeName;
  const expression = isObject(wrapper.expression) ? wrapper.expression : {};
  expression.type = expressionType;
  expression.value = value;
  wrapper.expression = expression;
  return { ...activity, [name]: wrapper };
}

export function removeInput(activity: Activity, name: string): Activity {
  const next = { ...activity };
  delete next[name];
  return next;
}

function toNames(value: Json): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item === 'string') return [item];
      if (typeof item === 'number') return [String(item)];
      if (isObject(item)) {
        const label = member(item, 'label');
        return typeof label === 'string' && label ? [label] : [];
      }
      return [];
    });
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        return toNames(JSON.parse(text) as Json);
      } catch {
        return [];
      }
    }
    return text
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (typeof value === 'number') return [String(value)];
  return [];
}

/** The names a dynamic-outcomes input adds as ports (HumanTask outcomes, Switch case labels, Fork branches, status codes). */
export function dynamicPorts(activity: JsonObject, descriptor: ActivityDescriptor | undefined): string[] {
  const input = descriptor?.dynamicOutcomesInput;
  if (!input) return [];
  const raw = member(activity, input);
  const value = raw === undefined ? undefined : readInput(activity, input);
  if (value === undefined) {
    const fallback = descriptor.inputs.find((i) => i.name === input)?.defaultValue;
    return fallback === undefined || fallback === null ? [] : toNames(fallback);
  }
  if (value.expressionType !== 'Literal' && value.expressionType !== 'Object') return [];
  return toNames(value.value);
}

function connectionEnd(connection: JsonObject, end: 'source' | 'target'): { activity: string; port: string | null } | null {
  const raw = member(connection, end);
  if (isObject(raw)) {
    const activity = member(raw, 'activity');
    const port = member(raw, 'port');
    return typeof activity === 'string' ? { activity, port: typeof port === 'string' ? port : null } : null;
  }
  // The 3.0-era flat shape: {source, target, sourcePort, targetPort}.
  if (typeof raw === 'string') {
    const port = member(connection, `${end}Port`);
    return { activity: raw, port: typeof port === 'string' ? port : null };
  }
  return null;
}

/** Ports of an activity: the descriptor's static outcomes, then the dynamic ones, then any port a connection uses. */
export function portsOf(activity: JsonObject, descriptor: ActivityDescriptor | undefined, used: readonly string[] = []): string[] {
  const ports: string[] = [];
  const add = (name: string) => {
    if (name && !ports.includes(name)) ports.push(name);
  };
  if (descriptor) {
    const dynamic = dynamicPorts(activity, descriptor);
    // Status codes come before the fixed failure ports; other dynamic ports come first too, then Default etc.
    for (const name of dynamic) add(name);
    for (const name of descriptor.outcomes) add(name);
  } else add('Done');
  for (const name of used) add(name);
  return ports;
}

export function positionOf(activity: JsonObject): { x: number; y: number } | null {
  const metadata = activity.metadata;
  if (!isObject(metadata) || !isObject(metadata.designer) || !isObject(metadata.designer.position)) return null;
  const { x, y } = metadata.designer.position;
  return typeof x === 'number' && typeof y === 'number' ? { x, y } : null;
}

function withPosition(activity: Activity, position: { x: number; y: number }): Activity {
  const metadata = isObject(activity.metadata) ? clone(activity.metadata) : {};
  const designer = isObject(metadata.designer) ? metadata.designer : {};
  designer.position = { ...(isObject(designer.position) ? designer.position : {}), x: Math.round(position.x), y: Math.round(position.y) };
  metadata.designer = designer;
  return { ...activity, metadata };
}

export function edgeId(source: string, port: string, target: string, index: number): string {
  return `${source}:${port}->${target}#${index}`;
}

/** Elsa JSON → canvas. Activities without a position are laid out in a row below the others. */
export function toCanvas(definition: JsonObject, descriptors: readonly ActivityDescriptor[]): CanvasState {
  const root = rootOf(definition);
  const activities = (Array.isArray(root.activities) ? root.activities : []).filter((a): a is Activity => isObject(a) && typeof a.id === 'string');
  const connections = (Array.isArray(root.connections) ? root.connections : []).filter(isObject);
  const byType = new Map(descriptors.map((d) => [d.type, d]));

  const usedPorts = new Map<string, string[]>();
  for (const connection of connections) {
    const source = connectionEnd(connection, 'source');
    if (!source) continue;
    const list = usedPorts.get(source.activity) ?? [];
    list.push(source.port ?? 'Done');
    usedPorts.set(source.activity, list);
  }

  let unplaced = 0;
  const nodes: ActivityNode[] = activities.map((activity) => {
    const stored = positionOf(activity);
    const position = stored ?? { x: 240 * unplaced++, y: -160 };
    return {
      id: activity.id,
      type: 'activity',
      position,
      data: { activity, ports: portsOf(activity, byType.get(activity.type), usedPorts.get(activity.id)), storedPosition: position },
    };
  });

  const edges: ConnectionEdge[] = [];
  connections.forEach((connection, index) => {
    const source = connectionEnd(connection, 'source');
    const target = connectionEnd(connection, 'target');
    if (!source || !target) return;
    const port = source.port ?? 'Done';
    edges.push({
      id: edgeId(source.activity, port, target.activity, index),
      source: source.activity,
      sourceHandle: port,
      target: target.activity,
      targetHandle: 'In',
      label: port,
      data: { connection },
    });
  });
  return { nodes, edges };
}

/** A connection in Elsa 3's shape, from a named outcome port to the target's In port. */
export function newConnection(source: string, port: string, target: string): JsonObject {
  return { source: { activity: source, port }, target: { activity: target, port: 'In' }, vertices: [] };
}

function sameEnds(connection: JsonObject, edge: ConnectionEdge): boolean {
  const source = connectionEnd(connection, 'source');
  const target = connectionEnd(connection, 'target');
  return source?.activity === edge.source && (source.port ?? 'Done') === (edge.sourceHandle ?? 'Done') && target?.activity === edge.target;
}

/** Canvas → Elsa JSON: the original definition with the canvas's activities, positions and connections. */
export function toElsa(state: CanvasState, original: JsonObject): JsonObject {
  const root = rootOf(original);
  const activities = state.nodes.map((node) => {
    const { activity, storedPosition } = node.data;
    const moved = storedPosition.x !== node.position.x || storedPosition.y !== node.position.y;
    return moved ? withPosition(activity, node.position) : activity;
  });
  // Edges to activities that do not exist stay (validation reports them); deleting a node removes its edges.
  const connections = state.edges.map((edge) => {
    const kept = edge.data?.connection;
    if (kept && sameEnds(kept, edge)) return kept;
    const fresh = newConnection(edge.source, edge.sourceHandle ?? 'Done', edge.target);
    return kept && Array.isArray(kept.vertices) ? { ...fresh, vertices: kept.vertices } : fresh;
  });
  return { ...original, root: { ...root, activities, connections } };
}

/** Removes nodes and every connection that touches them. */
export function deleteNodes(state: CanvasState, ids: readonly string[]): CanvasState {
  const gone = new Set(ids);
  return {
    nodes: state.nodes.filter((n) => !gone.has(n.id)),
    edges: state.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

/** Adds an edge for a connection drawn from `port` of `source` to `target` (one connection per port and target). */
export function connect(state: CanvasState, source: string, port: string, target: string): CanvasState {
  if (source === target) return state;
  if (state.edges.some((e) => e.source === source && e.sourceHandle === port && e.target === target)) return state;
  const edge: ConnectionEdge = {
    id: edgeId(source, port, target, Date.now() + state.edges.length),
    source,
    sourceHandle: port,
    target,
    targetHandle: 'In',
    label: port,
    data: { connection: null },
  };
  return { ...state, edges: [...state.edges, edge] };
}

/** A fresh activity id from the type's last name part ("HumanTask" → "humanTask1"), unique among `taken`. */
export function newActivityId(type: string, taken: ReadonlySet<string>): string {
  const last = type.split('.').pop() || 'activity';
  const base = last.charAt(0).toLowerCase() + last.slice(1);
  for (let n = 1; ; n++) {
    const id = `${base}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A new activity of a type, with the descriptor's default input values, at a canvas position. */
export function newActivityNode(
  descriptor: ActivityDescriptor,
  position: { x: number; y: number },
  taken: ReadonlySet<string>,
  rootNodeId: string,
  name: string,
): ActivityNode {
  const id = newActivityId(descriptor.type, taken);
  let activity: Activity = {
    id,
    nodeId: `${rootNodeId}:${id}`,
    name,
    type: descriptor.type,
    version: 1,
    customProperties: {},
    metadata: { designer: { position: { x: Math.round(position.x), y: Math.round(position.y) } } },
  };
  for (const input of descriptor.inputs) {
    if (input.defaultValue === undefined || input.defaultValue === null) continue;
    const type = typeof input.defaultValue === 'object' ? 'Object' : 'Literal';
    activity = writeInput(activity, input.name, input.typeName, type, input.defaultValue);
  }
  const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
  return { id, type: 'activity', position: rounded, data: { activity, ports: portsOf(activity, descriptor), storedPosition: rounded } };
}

/** Replaces a node's activity and recomputes its ports (an edited outcomes input adds or removes ports). */
export function updateActivity(node: ActivityNode, activity: Activity, descriptor: ActivityDescriptor | undefined, usedPorts: readonly string[]): ActivityNode {
  return { ...node, data: { ...node.data, activity, ports: portsOf(activity, descriptor, usedPorts) } };
}

/** `$.root.activities[2].condition` → 2; null for paths that do not point into an activity. */
export function activityIndexOf(path: string): number | null {
  const match = /^\$\.root\.activities\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : null;
}
