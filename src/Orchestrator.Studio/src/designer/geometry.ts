/** Sizes of an activity card on the canvas; layout, swimlanes and the card itself use the same numbers. */
export const cardWidth = 208;
const portRowHeight = 22;

/** A card grows with its outcome ports, which are listed down its right edge. */
export function cardHeight(portCount: number): number {
  return Math.max(96, 44 + portCount * portRowHeight);
}

/** Vertical centre of the n-th port's handle, from the card's top edge. */
export function portOffset(index: number, portCount: number): number {
  const height = cardHeight(portCount);
  const block = portCount * portRowHeight;
  return (height - block) / 2 + index * portRowHeight + portRowHeight / 2;
}
