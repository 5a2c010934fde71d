/**
 * The stacked progress bar of one arm of a cycle: of the planned cases, how many completed, are under way (started,
 * not completed, not overdue), are overdue, failed, or have not started. The server's counts overlap (an overdue
 * case is also started); here every case falls in exactly one part, so the parts add up to the planned count.
 */
import type { ArmProgress, CycleStatus, CycleView } from './api';

export interface ArmSegments {
  planned: number;
  started: number;
  completed: number;
  inProgress: number;
  overdue: number;
  failed: number;
  notStarted: number;
}

/** Share of the planned cases, in percent (0 when nothing is planned). */
export type SegmentPercents = Record<'completed' | 'inProgress' | 'overdue' | 'failed' | 'notStarted', number>;

const count = (n: number | undefined) => (Number.isFinite(n) && (n as number) > 0 ? Math.floor(n as number) : 0);

export function armSegments(progress: ArmProgress | null | undefined): ArmSegments {
  const planned = count(progress?.planned);
  const started = Math.min(count(progress?.started), planned);
  const completed = Math.min(count(progress?.completed), planned);
  const failed = Math.min(count(progress?.failed), planned - completed);
  const overdue = Math.min(count(progress?.overdue), planned - completed - failed);
  // Failed cases may or may not have started; those that did are not under way any more.
  const inProgress = Math.max(0, Math.min(started - completed - overdue - failed, planned - completed - failed - overdue));
  const notStarted = planned - completed - failed - overdue - inProgress;
  return { planned, started, completed, inProgress, overdue, failed, notStarted };
}

export function segmentPercents(segments: ArmSegments): SegmentPercents {
  const share = (n: number) => (segments.planned === 0 ? 0 : (n / segments.planned) * 100);
  return {
    completed: share(segments.completed),
    inProgress: share(segments.inProgress),
    overdue: share(segments.overdue),
    failed: share(segments.failed),
    notStarted: share(segments.notStarted),
  };
}

const openStatuses: readonly CycleStatus[] = ['Starting', 'Running'];

export function isOpen(cycle: Pick<CycleView, 'status'>): boolean {
  return openStatuses.includes(cycle.status);
}

/** The Studio polls a pilot's cycles while any of them is still starting or running. */
export function needsPolling(cycles: readonly Pick<CycleView, 'status'>[]): boolean {
  return cycles.some(isOpen);
}

export const pollIntervalMs = 2_500;
