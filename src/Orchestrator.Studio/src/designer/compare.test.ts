import { describe, expect, it } from 'vitest';
import { okuyamiDefinition } from '../test/workflows';
import { compareDefinitions, isEmptyComparison, sameJson } from './compare';
import type { JsonObject } from './model';

type Root = { activities: JsonObject[]; connections: JsonObject[] };

describe('version comparison', () => {
  it('finds nothing between two copies apart from bookkeeping', () => {
    const newer = { ...okuyamiDefinition(), id: 'other', version: 4, isPublished: true };
    expect(isEmptyComparison(compareDefinitions(okuyamiDefinition(), newer))).toBe(true);
  });

  it('lists added, removed, changed and moved activities, connections and settings', () => {
    const older = okuyamiDefinition();
    const newer = okuyamiDefinition();
    const root = newer.root as Root;
    root.activities = root.activities.filter((a) => a.id !== 'legacy');
    root.activities.push({ id: 'notify', name: '通知', type: 'Elsa.WriteLine' });
    root.activities[1]!.name = '死亡届の受付';
    root.activities[2]!.metadata = { designer: { position: { x: 999, y: 240 } } };
    root.connections = root.connections.filter((c) => (c.source as JsonObject).activity !== 'legacy' && (c.target as JsonObject).activity !== 'legacy');
    root.connections.push({ source: { activity: 'juki', port: 'Done' }, target: { activity: 'notify', port: 'In' } });
    newer.description = '改訂';
    const c = compareDefinitions(older, newer);
    expect(c.added).toEqual([{ id: 'notify', name: '通知' }]);
    expect(c.removed).toEqual([{ id: 'legacy', name: '旧システム連携' }]);
    expect(c.changed).toEqual([{ id: 'intake', name: '死亡届の受付', members: ['name'] }]);
    expect(c.moved).toEqual([{ id: 'juki', name: '住基記載' }]);
    expect(c.connectionsAdded).toEqual(['juki:Done → notify']);
    expect(c.connectionsRemoved).toEqual(['juki:Done → legacy', 'legacy:Bridged → check']);
    expect(c.settings).toEqual(['description']);
  });

  it('compares JSON regardless of key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});
