/** What the activity cards show besides their activity: problems, run figures, overlay colours, lanes. */
import { createContext, useContext } from 'react';
import type { NodeRunStats } from './instanceStats';
import type { ActivityDescriptor } from './model';
import type { NodeFigure, ColourScale } from './overlay';
import type { Problem } from './problems';

export interface CanvasDecorations {
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  problems: ReadonlyMap<string, Problem[]>;
  runStats: ReadonlyMap<string, NodeRunStats> | null;
  overlay: { figures: ReadonlyMap<string, NodeFigure>; scale: ColourScale | null } | null;
  readOnly: boolean;
}

export const CanvasContext = createContext<CanvasDecorations>({
  descriptors: new Map(),
  problems: new Map(),
  runStats: null,
  overlay: null,
  readOnly: false,
});

export function useDecorations(): CanvasDecorations {
  return useContext(CanvasContext);
}
