import { describe, expect, it } from 'vitest';
import { descriptors } from '../test/workflows';
import { paletteGroups } from './palette';

describe('palette', () => {
  it('groups types by category, Orchestrator steps first', () => {
    const groups = paletteGroups(descriptors, '');
    expect(groups.map((g) => g.category)).toEqual(['Orchestrator', 'Flow', 'Branching', 'Scheduling', 'Events', 'Primitives']);
    expect(groups[0]!.items.map((d) => d.type)).toEqual(['Orchestrator.HumanTask', 'Orchestrator.AgencyCall']);
  });

  it('finds types by Japanese or English name, full-width text included', () => {
    expect(paletteGroups(descriptors, '判断').flatMap((g) => g.items.map((d) => d.type))).toEqual(['Elsa.FlowDecision']);
    expect(paletteGroups(descriptors, 'ＤＥＬＡＹ').flatMap((g) => g.items.map((d) => d.type))).toEqual(['Elsa.Delay']);
    expect(paletteGroups(descriptors, 'nothing like this')).toEqual([]);
  });
});
