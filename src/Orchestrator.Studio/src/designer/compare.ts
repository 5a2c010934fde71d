/** Compares two versions of a definition for the version history: what was added, removed, changed or moved. */
import { isObject, positionOf, rootOf, type Json, type JsonObject } from './model';

export interface ActivityRef {
  id: string;
  name: string;
}

export interface Comparison {
  added: ActivityRef[];
  removed: ActivityRef[];
  /** Activities whose properties differ, with the members that differ (inputs, name, customProperties…). */
  changed: (ActivityRef & { members: string[] })[];
  moved: ActivityRef[];
  connectionsAdded: string[];
  connectionsRemoved: string[];
  /** Top-level members that differ (name, description, variables, customProperties…), bookkeeping aside. */
  settings: string[];
}

const bookkeeping = new Set(['id', 'version', 'isLatest', 'isPublished', 'root', '$schema', 'createdAt', 'publishedAt']);

/** Key order does not matter for equality. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameJson(a[k], b[k]));
  }
  return false;
}

function activities(definition: JsonObject): Map<string, JsonObject> {
  const list = rootOf(definition).activities;
  const map = new Map<string, JsonObject>();
  if (Array.isArray(list)) for (const a of list) if (isObject(a) && typeof a.id === 'string') map.set(a.id, a);
  return map;
}

function connections(definition: JsonObject): Set<string> {
  const list = rootOf(definition).connections;
  const keys = new Set<string>();
  if (!Array.isArray(list)) return keys;
  for (const c of list) {
    if (!isObject(c)) continue;
    const source = isObject(c.source) ? c.source : { activity: c.source ?? null, port: c.sourcePort ?? null };
    const target = isObject(c.target) ? c.target : { activity: c.target ?? null };
    keys.add(`${String(source.activity)}:${String(source.port ?? 'Done')} → ${String(target.activity)}`);
  }
  return keys;
}

const ref = (id: string, activity: JsonObject): ActivityRef => ({ id, name: typeof activity.name === 'string' && activity.name ? activity.name : id });

/** `from` is the older version, `to` the newer. */
export function compareDefinitions(from: JsonObject, to: JsonObject): Comparison {
  const before = activities(from);
  const after = activities(to);
  const result: Comparison = { added: [], removed: [], changed: [], moved: [], connectionsAdded: [], connectionsRemoved: [], settings: [] };
  for (const [id, activity] of after) if (!before.has(id)) result.added.push(ref(id, activity));
  for (const [id, activity] of before) if (!after.has(id)) result.removed.push(ref(id, activity));
  for (const [id, newer] of after) {
    const older = before.get(id);
    if (!older) continue;
    const keys = new Set([...Object.keys(older), ...Object.keys(newer)]);
    const members = [...keys].filter((k) => k !== 'metadata' && k !== 'nodeId' && !sameJson(older[k], newer[k]));
    if (members.length > 0) result.changed.push({ ...ref(id, newer), members });
    if (!sameJson(positionOf(older) as Json, positionOf(newer) as Json)) result.moved.push(ref(id, newer));
  }
  const oldConnections = connections(from);
  const newConnections = connections(to);
  result.connectionsAdded = [...newConnections].filter((c) => !oldConnections.has(c));
  result.connectionsRemoved = [...oldConnections].filter((c) => !newConnections.has(c));
  const topKeys = new Set([...Object.keys(from), ...Object.keys(to)]);
  result.settings = [...topKeys].filter((k) => !bookkeeping.has(k) && !sameJson(from[k], to[k]));
  return result;
}

export function isEmptyComparison(c: Comparison): boolean {
  return [c.added, c.removed, c.changed, c.moved, c.connectionsAdded, c.connectionsRemoved, c.settings].every((list) => list.length === 0);
}
