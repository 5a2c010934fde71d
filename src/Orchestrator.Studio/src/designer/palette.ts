/** The palette's content: activity types by category, in a fixed order, filtered by a search text. */
import type { ActivityDescriptor } from './model';

export const categoryOrder = [
  'Orchestrator',
  'Flow',
  'Branching',
  'Looping',
  'Scheduling',
  'Events',
  'Tasks',
  'Primitives',
  'Scripting',
  'Composition',
  'HTTP',
];

/** Types the flowchart designer does not place (the root container itself, and nested flowcharts it cannot open). */
const hidden = new Set(['Elsa.Flowchart', 'Elsa.FlowNode']);

export interface PaletteGroup {
  category: string;
  items: ActivityDescriptor[];
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function paletteGroups(descriptors: readonly ActivityDescriptor[], search: string): PaletteGroup[] {
  const query = normalise(search.trim());
  const matches = (d: ActivityDescriptor) =>
    !query || [d.displayName.ja, d.displayName.en, d.type, d.description.ja, d.description.en].some((text) => normalise(text).includes(query));
  const groups = new Map<string, ActivityDescriptor[]>();
  for (const d of descriptors) {
    if (hidden.has(d.type) || !matches(d)) continue;
    groups.set(d.category, [...(groups.get(d.category) ?? []), d]);
  }
  const rank = (category: string) => {
    const index = categoryOrder.indexOf(category);
    return index === -1 ? categoryOrder.length : index;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([category, items]) => ({ category, items }));
}
