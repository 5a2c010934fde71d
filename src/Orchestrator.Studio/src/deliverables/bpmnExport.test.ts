import { BpmnModdle, type ModdleElement as Element } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';

/**
 * The server's BPMN export of every shipped workflow (kept current by the server's BpmnExportTests) read by
 * bpmn-moddle, the model library under bpmn-js and the modellers built on it.
 */
const fixtures = import.meta.glob<string>('./fixtures/*.bpmn', { query: '?raw', import: 'default', eager: true });

describe('BPMN export', () => {
  it('covers the four shipped processes, as-is and to-be', () => {
    expect(
      Object.keys(fixtures)
        .map((path) => path.replace('./fixtures/', ''))
        .sort(),
    ).toEqual([
      'jidosha-oss-asis.bpmn',
      'jidosha-oss-tobe.bpmn',
      'okuyami-asis.bpmn',
      'okuyami-tobe.bpmn',
      'ryoken-asis.bpmn',
      'ryoken-tobe.bpmn',
      'tenshutsu-tennyu-asis.bpmn',
      'tenshutsu-tennyu-tobe.bpmn',
    ]);
  });

  it.each(Object.entries(fixtures))('%s reads without warnings, every element drawn', async (_, xml) => {
    const { rootElement, warnings, elementsById } = await new BpmnModdle().fromXML(xml);
    expect(warnings.map((w) => w.message)).toEqual([]);
    expect(rootElement.$type).toBe('bpmn:Definitions');

    const all = Object.values(elementsById);
    const process = all.find((e) => e.$type === 'bpmn:Process')!;
    const nodes = (process.flowElements as Element[]).filter((e) => e.$type !== 'bpmn:SequenceFlow');
    const flows = (process.flowElements as Element[]).filter((e) => e.$type === 'bpmn:SequenceFlow');
    expect(nodes.length).toBeGreaterThan(5);
    expect(nodes.some((n) => n.$type === 'bpmn:UserTask')).toBe(true);
    // Every flow joins two nodes of the process, every node sits in one lane.
    for (const flow of flows) {
      expect(nodes).toContain(flow.sourceRef);
      expect(nodes).toContain(flow.targetRef);
    }
    const lanes = (process.laneSets as Element[])[0]!.lanes as Element[];
    expect(lanes.length).toBeGreaterThan(0);
    const laned = lanes.flatMap((lane) => lane.flowNodeRef as Element[]);
    expect(laned.map((n) => n.id).sort()).toEqual(nodes.map((n) => n.id).sort());

    // The diagram: a shape for every node, lane and pool, an edge for every flow, all on the collaboration's plane.
    const diagram = (rootElement.diagrams as Element[])[0]!;
    const plane = diagram.plane as Element;
    expect((plane.bpmnElement as Element).$type).toBe('bpmn:Collaboration');
    const drawn = new Set((plane.planeElement as Element[]).map((d) => (d.bpmnElement as Element).id));
    const collaboration = plane.bpmnElement as Element;
    const wanted = [
      ...nodes,
      ...flows,
      ...lanes,
      ...(collaboration.participants as Element[]),
      ...((collaboration.messageFlows as Element[] | undefined) ?? []),
    ];
    expect(wanted.filter((e) => !drawn.has(e.id))).toEqual([]);
  });
});
