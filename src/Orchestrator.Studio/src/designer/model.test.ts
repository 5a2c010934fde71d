import { describe, expect, it } from 'vitest';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { activityIndexOf, connect, deleteNodes, newActivityNode, readInput, toCanvas, toElsa, updateActivity, writeInput, type JsonObject } from './model';

const rootOf = (definition: JsonObject) => definition.root as JsonObject & { activities: JsonObject[]; connections: JsonObject[] };

describe('Elsa JSON ↔ canvas', () => {
  it('round-trips a realistic definition unchanged', () => {
    const original = okuyamiDefinition();
    const canvas = toCanvas(original, descriptors);
    expect(toElsa(canvas, original)).toEqual(okuyamiDefinition());
  });

  it('reads positions, ports from static and dynamic outcomes, and edges from named ports', () => {
    const { nodes, edges } = toCanvas(okuyamiDefinition(), descriptors);
    expect(nodes.map((n) => n.id)).toEqual(['start', 'intake', 'juki', 'legacy', 'check', 'end']);
    expect(nodes[1]!.position).toEqual({ x: 240, y: 120 });
    expect(nodes[1]!.data.ports).toEqual(['受理', '不受理']);
    expect(nodes[2]!.data.ports).toEqual(['Done', 'Rejected', 'Failed', 'Timeout']);
    expect(nodes[4]!.data.ports).toEqual(['True', 'False']);
    expect(nodes[5]!.data.ports).toEqual([]);
    expect(edges[1]).toMatchObject({ source: 'intake', sourceHandle: '受理', target: 'juki', targetHandle: 'In', label: '受理' });
  });

  it('keeps unknown activity types, their properties and the ports their connections use', () => {
    const original = okuyamiDefinition();
    const canvas = toCanvas(original, descriptors);
    const legacy = canvas.nodes.find((n) => n.id === 'legacy')!;
    expect(legacy.data.ports).toEqual(['Done', 'Bridged']);
    const back = rootOf(toElsa(canvas, original));
    expect(back.activities[3]).toEqual({
      id: 'legacy',
      name: '旧システム連携',
      type: 'Acme.LegacyBridge',
      version: 2,
      metadata: { designer: { position: { x: 720, y: 0 }, size: { width: 160, height: 50 } } },
      endpoint: 'http://legacy.example',
      retries: 3,
    });
    expect(back.connections[1]!.vertices).toEqual([{ x: 400, y: 200 }]);
  });

  it('keeps unknown top-level members, variables, customProperties and output bindings', () => {
    const original = okuyamiDefinition();
    const back = toElsa(toCanvas(original, descriptors), original);
    expect(back.someFutureMember).toEqual({ keep: [1, 2, 3] });
    expect(back.variables).toEqual(original.variables);
    expect(back.customProperties).toEqual(original.customProperties);
    const intake = rootOf(back).activities[1]!;
    expect(intake.result).toEqual({ typeName: 'Object', memoryReference: { id: 'v-form' } });
    expect((intake.customProperties as JsonObject).reviewNote).toBe('unknown custom property');
  });

  it('writes a moved node’s position back and leaves the rest of its metadata alone', () => {
    const original = okuyamiDefinition();
    const canvas = toCanvas(original, descriptors);
    canvas.nodes[2] = { ...canvas.nodes[2]!, position: { x: 512.4, y: 300.6 } };
    const juki = rootOf(toElsa(canvas, original)).activities[2]!;
    expect(juki.metadata).toEqual({ designer: { position: { x: 512, y: 301 }, size: { width: 160, height: 50 } } });
  });

  it('gives a position to an activity that had none only when it is moved', () => {
    const original = okuyamiDefinition();
    delete (rootOf(original).activities[5] as JsonObject).metadata;
    const canvas = toCanvas(original, descriptors);
    expect(toElsa(canvas, original)).toEqual(original);
    canvas.nodes[5] = { ...canvas.nodes[5]!, position: { x: 1300, y: 40 } };
    expect(rootOf(toElsa(canvas, original)).activities[5]!.metadata).toEqual({ designer: { position: { x: 1300, y: 40 } } });
  });

  it('turns a connection drawn from a named port into Elsa’s connection shape', () => {
    const original = okuyamiDefinition();
    const canvas = connect(toCanvas(original, descriptors), 'check', 'False', 'juki');
    const connections = rootOf(toElsa(canvas, original)).connections;
    expect(connections).toHaveLength(7);
    expect(connections[6]).toEqual({ source: { activity: 'check', port: 'False' }, target: { activity: 'juki', port: 'In' }, vertices: [] });
    // The same port to the same target twice, or a node to itself, adds nothing.
    expect(connect(canvas, 'check', 'False', 'juki').edges).toHaveLength(7);
    expect(connect(canvas, 'check', 'True', 'check').edges).toHaveLength(7);
  });

  it('deletes a node together with its connections', () => {
    const original = okuyamiDefinition();
    const canvas = deleteNodes(toCanvas(original, descriptors), ['intake']);
    const root = rootOf(toElsa(canvas, original));
    expect(root.activities.map((a) => a.id)).toEqual(['start', 'juki', 'legacy', 'check', 'end']);
    expect(root.connections.map((c) => `${(c.source as JsonObject).activity}->${(c.target as JsonObject).activity}`)).toEqual([
      'juki->legacy',
      'legacy->check',
      'check->end',
    ]);
  });

  it('creates a new activity with defaults and a unique id, and recomputes ports after an edit', () => {
    const human = descriptors.find((d) => d.type === 'Orchestrator.HumanTask')!;
    const node = newActivityNode(human, { x: 10.2, y: 20.7 }, new Set(['humanTask1']), 'Workflow1:flowchart1', '人手タスク');
    expect(node.id).toBe('humanTask2');
    expect(node.position).toEqual({ x: 10, y: 21 });
    expect(node.data.activity).toMatchObject({
      id: 'humanTask2',
      nodeId: 'Workflow1:flowchart1:humanTask2',
      type: 'Orchestrator.HumanTask',
      outcomes: { typeName: 'Object', expression: { type: 'Object', value: ['Done'] } },
      metadata: { designer: { position: { x: 10, y: 21 } } },
    });
    expect(node.data.ports).toEqual(['Done']);
    const edited = writeInput(node.data.activity, 'outcomes', 'Object', 'Object', ['承認', '差戻し']);
    expect(updateActivity(node, edited, human, []).data.ports).toEqual(['承認', '差戻し']);
    expect(readInput(edited, 'outcomes')).toEqual({ typeName: 'Object', expressionType: 'Object', value: ['承認', '差戻し'] });
  });

  it('reads bare values, comma-separated branches and 3.0-era flat connections', () => {
    const fork = descriptors.find((d) => d.type === 'Elsa.FlowFork')!;
    const definition: JsonObject = {
      root: {
        type: 'Elsa.Flowchart',
        activities: [
          { id: 'fork', type: 'Elsa.FlowFork', branches: 'a, b' },
          { id: 'w', type: 'Elsa.WriteLine', text: 'hello' },
        ],
        connections: [{ source: 'fork', target: 'w', sourcePort: 'a', targetPort: 'In' }],
      },
    };
    const canvas = toCanvas(definition, [fork, ...descriptors]);
    expect(canvas.nodes[0]!.data.ports).toEqual(['a', 'b']);
    expect(canvas.edges[0]).toMatchObject({ source: 'fork', sourceHandle: 'a', target: 'w' });
    expect(readInput(canvas.nodes[1]!.data.activity, 'text')).toEqual({ typeName: null, expressionType: 'Literal', value: 'hello' });
    expect(canvas.nodes[1]!.position).toEqual({ x: 240, y: -160 });
    expect(toElsa(canvas, definition)).toEqual(definition);
  });

  it('finds the activity an error path points at', () => {
    expect(activityIndexOf('$.root.activities[2].condition')).toBe(2);
    expect(activityIndexOf('$.root.activities[10]')).toBe(10);
    expect(activityIndexOf('$.root.connections[3].target.activity')).toBeNull();
  });
});
