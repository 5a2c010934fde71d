import { describe, expect, it } from 'vitest';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { copySelection, pasteClip } from './clipboard';
import { toCanvas, toElsa, type JsonObject } from './model';

describe('copy and paste', () => {
  it('pastes the selected activities with new ids, shifted, with the connections between them', () => {
    const original = okuyamiDefinition();
    const canvas = toCanvas(original, descriptors);
    const selected = { ...canvas, nodes: canvas.nodes.map((n) => (n.id === 'intake' || n.id === 'juki' ? { ...n, selected: true } : n)) };
    const clip = copySelection(selected)!;
    expect(clip.activities.map((a) => a.activity.id)).toEqual(['intake', 'juki']);
    expect(clip.connections).toEqual([{ source: 'intake', port: '受理', target: 'juki' }]);

    const pasted = pasteClip(selected, clip, 'Workflow1:flowchart1');
    expect(pasted.nodes).toHaveLength(canvas.nodes.length + 2);
    expect(pasted.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['humanTask1', 'agencyCall1']);
    const root = toElsa(pasted, original).root as { activities: JsonObject[]; connections: JsonObject[] };
    const copy = root.activities.find((a) => a.id === 'humanTask1')!;
    expect(copy).toMatchObject({ name: '死亡届受付', nodeId: 'Workflow1:flowchart1:humanTask1', metadata: { designer: { position: { x: 280, y: 160 } } } });
    expect((copy.customProperties as JsonObject).measurement).toEqual((root.activities[1]!.customProperties as JsonObject).measurement);
    expect(root.connections.at(-1)).toEqual({
      source: { activity: 'humanTask1', port: '受理' },
      target: { activity: 'agencyCall1', port: 'In' },
      vertices: [],
    });
    // The original stays as it was.
    expect(root.activities[1]!.id).toBe('intake');
  });

  it('copies nothing when nothing is selected', () => {
    expect(copySelection(toCanvas(okuyamiDefinition(), descriptors))).toBeNull();
  });
});
