/** Small helpers of the designer's editor: selection, deletion, and the height of a floating panel. */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { deleteNodes } from './model';
import type { DesignerDoc } from './useDesignerDocument';

/** The items with `selected` set by `keep` (unchanged objects stay the same). */
export function selectedOnly<T extends { selected?: boolean }>(items: T[], keep: (item: T) => boolean): T[] {
  return items.map((item) => {
    const selected = keep(item);
    return item.selected === selected ? item : { ...item, selected };
  });
}

/** A ref for an element and its current height in pixels (0 while it is not shown), followed as it changes. */
export function useElementHeight(shown: boolean): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!shown || !element) {
      setHeight(0);
      return;
    }
    const measure = () => setHeight(Math.round(element.getBoundingClientRect().height));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return [ref, height];
}

/** Deletes nodes (with their connections) and the selected connections. */
export function deleteDoc(doc: DesignerDoc, nodeIds: string[], edgeIds: ReadonlySet<string>): DesignerDoc {
  const withoutNodes = deleteNodes(doc, nodeIds);
  return { ...doc, nodes: withoutNodes.nodes, edges: withoutNodes.edges.filter((e) => !edgeIds.has(e.id)) };
}
