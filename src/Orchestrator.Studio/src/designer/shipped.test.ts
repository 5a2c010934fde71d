import { describe, expect, it } from 'vitest';
import { descriptors } from '../test/workflows';
import { toCanvas, toElsa, type JsonObject } from './model';

/** The shipped processes (workflows/<process>/as-is.json and to-be.json) as they are in the repository. */
const shipped = import.meta.glob<JsonObject>('../../../../workflows/*/*.json', { eager: true, import: 'default' });

describe('shipped processes on the canvas', () => {
  it('finds both arms of all four shipped processes', () => {
    expect(Object.keys(shipped).sort()).toEqual(
      ['jidosha-oss', 'okuyami', 'ryoken', 'tenshutsu-tennyu'].flatMap((p) => [
        `../../../../workflows/${p}/as-is.json`,
        `../../../../workflows/${p}/to-be.json`,
      ]),
    );
  });

  it.each(Object.entries(shipped))('round-trips %s unchanged and writes back only a moved node’s position', (_, file) => {
    const original = structuredClone(file);
    const canvas = toCanvas(original, descriptors);
    expect(toElsa(canvas, original)).toEqual(file);

    const moved = { ...canvas, nodes: canvas.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: n.position.x + 40, y: n.position.y + 8 } } : n)) };
    const back = toElsa(moved, original);
    const before = (file.root as { activities: JsonObject[] }).activities;
    const after = (back.root as { activities: JsonObject[] }).activities;
    after.forEach((activity, i) => {
      if (i !== 1) expect(activity).toEqual(before[i]);
    });
    const { metadata: movedMetadata, ...movedRest } = after[1]!;
    const { metadata: originalMetadata, ...originalRest } = before[1]!;
    expect(movedRest).toEqual(originalRest);
    const position = (originalMetadata as { designer: { position: { x: number; y: number } } }).designer.position;
    expect(movedMetadata).toEqual({
      ...(originalMetadata as object),
      designer: { ...(originalMetadata as { designer: object }).designer, position: { x: position.x + 40, y: position.y + 8 } },
    });
  });
});
