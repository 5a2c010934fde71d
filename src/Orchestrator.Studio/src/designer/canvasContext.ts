/** What the activity cards show besides their activity: problems, run figures, overlay colours, lanes. */
import { createContext, useContext } from 'react';
import type { NodeRunStats } from './instanceStats';
import type { ActivityDescriptor } from './model';
import type { NodeFigure, ColourScale } from './overlay';
import type { StepIssues } from '../issues/stepIssues';
import type { Problem } from './problems';

export interface CanvasDecorations {
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  problems: ReadonlyMap<string, Problem[]>;
  runStats: ReadonlyMap<string, NodeRunStats> | null;
  overlay: { figures: ReadonlyMap<string, NodeFigure>; scale: ColourScale | null } | null;
  readOnly: boolean;
  /** Open 課題 on each step code, for the badge on the card (the designer only). */
  stepIssues?: ReadonlyMap<string, StepIssues>;
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
