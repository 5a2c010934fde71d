/** Copy and paste of activities: the selected nodes and the connections between them, pasted with fresh ids. */
import { edgeId, newActivityId, type Activity, type ActivityNode, type CanvasState, type ConnectionEdge, type JsonObject } from './model';

export interface Clip {
  activities: { activity: Activity; position: { x: number; y: number }; ports: string[] }[];
  connections: { source: string; port: string; target: string }[];
}

export function copySelection(state: CanvasState): Clip | null {
  const selected = state.nodes.filter((n) => n.selected);
  if (selected.length === 0) return null;
  const ids = new Set(selected.map((n) => n.id));
  return {
    activities: selected.map((n) => ({ activity: n.data.activity, position: n.position, ports: n.data.ports })),
    connections: state.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ source: e.source, port: e.sourceHandle ?? 'Done', target: e.target })),
  };
}

/** Adds the clip's activities (new ids, shifted by `offset`) and connections; only the pasted nodes end up selected. */
export function pasteClip(state: CanvasState, clip: Clip, rootNodeId: string, offset = 40): CanvasState {
  const taken = new Set(state.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const pasted: ActivityNode[] = clip.activities.map(({ activity, position, ports }) => {
    const id = newActivityId(activity.type, taken);
    taken.add(id);
    renamed.set(activity.id, id);
    const at = { x: Math.round(position.x + offset), y: Math.round(position.y + offset) };
    const metadata: JsonObject = {
      ...(typeof activity.metadata === 'object' && activity.metadata !== null && !Array.isArray(activity.metadata) ? activity.metadata : {}),
    };
    const designer = typeof metadata.designer === 'object' && metadata.designer !== null && !Array.isArray(metadata.designer) ? metadata.designer : {};
    metadata.designer = { ...designer, position: at };
    const copy: Activity = { ...structuredClone(activity), id, nodeId: `${rootNodeId}:${id}`, metadata };
    return { id, type: 'activity', position: at, selected: true, data: { activity: copy, ports, storedPosition: at } };
  });
  const edges: ConnectionEdge[] = clip.connections.flatMap((c, i) => {
    const source = renamed.get(c.source);
    const target = renamed.get(c.target);
    if (!source || !target) return [];
    return [
      {
        id: edgeId(source, c.port, target, state.edges.length + i),
        source,
        sourceHandle: c.port,
        target,
        targetHandle: 'In',
        label: c.port,
        data: { connection: null },
      },
    ];
  });
  return {
    nodes: [...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted],
    edges: [...state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...edges],
  };
}

const clipboardKey = 'orchestrator.designer.clipboard';

/** Keeps the copied activities for a later paste, in this tab only. */
export function storeClip(clip: Clip): void {
  try {
    window.sessionStorage.setItem(clipboardKey, JSON.stringify(clip));
  } catch {
    // Storage refused: nothing to paste later, which the paste notice says.
  }
}

/** What was copied last in this tab; null when nothing was or it cannot be read. */
export function storedClip(): Clip | null {
  try {
    const text = window.sessionStorage.getItem(clipboardKey);
    return text ? (JSON.parse(text) as Clip) : null;
  } catch {
    return null;
  }
}
