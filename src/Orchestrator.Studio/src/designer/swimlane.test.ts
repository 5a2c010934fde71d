import { describe, expect, it } from 'vitest';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { cardWidth } from './geometry';
import { toCanvas, type JsonObject } from './model';
import { assignLanes, declaredLane, lanes, swimlaneLayout } from './swimlane';

describe('swimlanes', () => {
  it('takes the lane from the measurement metadata, else from the type, else from neighbours', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const assigned = assignLanes(canvas.nodes, canvas.edges);
    expect(assigned.get('intake')).toBe('Municipality'); // measurement.actorOrgLevel
    expect(assigned.get('juki')).toBe('System'); // measurement says System
    expect(assigned.get('start')).toBe('Municipality'); // no measurement: the step after it
    expect(assigned.get('legacy')).toBe('System'); // unknown type: the step before it
    expect(
      declaredLane({ id: 'h', type: 'Orchestrator.HumanTask', assigneeOrgLevel: { typeName: 'String', expression: { type: 'Literal', value: 'Prefecture' } } }),
    ).toBe('Prefecture');
    expect(
      declaredLane({ id: 'h', type: 'Orchestrator.HumanTask', assigneeOrgLevel: { typeName: 'String', expression: { type: 'JavaScript', value: 'x' } } }),
    ).toBeNull();
    expect(declaredLane({ id: 'a', type: 'Orchestrator.AgencyCall' })).toBe('System');
    expect(declaredLane({ id: 'r', type: 'Elsa.Delay', customProperties: { measurement: { actorOrgLevel: 'Resident' } } } as JsonObject)).toBe('Resident');
  });

  it('draws the five lanes top to bottom and puts each node inside its lane, keeping x', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const layout = swimlaneLayout(canvas.nodes, canvas.edges);
    expect(layout.bands.map((b) => b.lane)).toEqual([...lanes]);
    const assigned = assignLanes(canvas.nodes, canvas.edges);
    for (const node of canvas.nodes) {
      const at = layout.positions.get(node.id)!;
      const band = layout.bands.find((b) => b.lane === assigned.get(node.id))!;
      expect(at.x).toBe(node.position.x);
      expect(at.y).toBeGreaterThanOrEqual(band.y);
      expect(at.y).toBeLessThan(band.y + band.height);
    }
    for (let i = 1; i < layout.bands.length; i++) expect(layout.bands[i]!.y).toBe(layout.bands[i - 1]!.y + layout.bands[i - 1]!.height);
  });

  it('stacks nodes of one lane that would overlap into separate rows', () => {
    const canvas = toCanvas(okuyamiDefinition(), descriptors);
    const nodes = canvas.nodes.map((n) => (n.id === 'intake' ? n : n.id === 'start' ? { ...n, position: { x: 250, y: 0 } } : n));
    const layout = swimlaneLayout(nodes, canvas.edges);
    const a = layout.positions.get('intake')!;
    const b = layout.positions.get('start')!;
    expect(Math.abs(a.x - b.x)).toBeLessThan(cardWidth);
    expect(a.y).not.toBe(b.y);
  });
});
