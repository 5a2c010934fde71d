import { ApiError, json, readProblem, send } from '../api';

/** What a what-if run is about: the designer's workflow (its unsaved JSON) and the settings the coordinator chose. */
export interface WhatIfRequest {
  workflow: { json?: unknown; definitionId?: string; version?: number };
  counterpart?: { definitionId: string; version?: number };
  pilotId?: string;
  cases?: number;
  seed?: number;
  sweep?: Sweep;
}

export type SweepKind = 'effort' | 'outcomeWeight' | 'capacity';

export interface Sweep {
  kind: SweepKind;
  arm?: 'AsIs' | 'ToBe';
  activityId?: string;
  outcome?: string;
  organisation?: string;
  values: number[];
  metric?: string;
}

export interface Stat {
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface MetricDelta {
  value: number;
  reductionRate: number | null;
  ci95: [number, number];
}

export interface ArmRun {
  definitionId: string;
  version: number;
  draft: boolean;
  name: string;
  cases: number;
  finished: number;
  unfinished: number;
  faulted: number;
}

export interface LeadTimeSegments {
  touch: number;
  queue: number;
  handoff: number;
  resident: number;
  system: number;
  offHours: number;
  other: number;
}

export interface OrganisationLoad {
  arm: string;
  organisationCode: string | null;
  /** The organisation's name where the catalogue knows its code. */
  name: { ja: string | null; en: string | null } | null;
  clerks: number;
  tasks: number;
  workHours: number;
  utilisation: number;
  meanWaitHours: number;
  p90WaitHours: number;
}

export interface WhatIfSummary {
  processKey: string;
  workflowArm: string;
  asIs: ArmRun;
  toBe: ArmRun;
  effect: {
    asIs: Record<string, Stat> & { n: number };
    toBe: Record<string, Stat> & { n: number };
    delta: Record<string, MetricDelta | null> | null;
    flags: string[];
    interval: string;
  };
  leadTime: { asIs: LeadTimeSegments; toBe: LeadTimeSegments };
  organisations: OrganisationLoad[];
  warnings: string[];
  settings: { cases: number; seed: number; municipalities: string[]; horizon: string; arrivalWindow: string; pilotId: string | null };
  provenance: string;
  milliseconds: number;
}

export interface SensitivityPoint {
  value: number;
  asIsMean: number | null;
  toBeMean: number | null;
  delta: number | null;
  reductionRate: number | null;
  ci95: [number, number] | null;
  finished: number;
  unfinished: number;
}

export interface SensitivityResult {
  processKey: string;
  sweep: Sweep;
  metric: string;
  metricJa: string;
  points: SensitivityPoint[];
}

export type RunStatus = 'Queued' | 'Running' | 'Completed' | 'Failed' | 'Cancelled';

export interface SimulationRun<T> {
  id: string;
  kind: string;
  processKey: string;
  status: RunStatus;
  done: number;
  total: number;
  error: string | null;
  result: T | null;
}

export interface ScenarioItem {
  id: string;
  processKey: string;
  kind: string;
  name: string;
  description: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface ScenarioFigure {
  scenarioId: string;
  asIsMean: number | null;
  toBeMean: number | null;
  delta: number | null;
  reductionRate: number | null;
  ci95: [number, number] | null;
}

export interface ScenarioComparison {
  processKey: string;
  scenarios: { id: string; name: string }[];
  metrics: { metric: string; axis: string; ja: string; scenarios: ScenarioFigure[] }[];
}

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) }) satisfies RequestInit;

export function startWhatIf(request: WhatIfRequest): Promise<SimulationRun<WhatIfSummary>> {
  return json('/api/simulations', post(request));
}

export function startSensitivity(request: WhatIfRequest): Promise<SimulationRun<SensitivityResult>> {
  return json('/api/simulations/sensitivity', post(request));
}

export function getRun<T>(id: string, signal?: AbortSignal): Promise<SimulationRun<T>> {
  return json(`/api/simulations/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export async function cancelRun(id: string): Promise<void> {
  const response = await send(`/api/simulations/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
}

export function saveScenario(runId: string, name: string): Promise<ScenarioItem> {
  return json('/api/simulations/scenarios', post({ runId, name }));
}

export function listScenarios(processKey: string): Promise<ScenarioItem[]> {
  return json(`/api/simulations/scenarios?processKey=${encodeURIComponent(processKey)}`);
}

export function compareScenarios(ids: string[]): Promise<ScenarioComparison> {
  return json(`/api/simulations/scenarios/compare?ids=${ids.map(encodeURIComponent).join(',')}`);
}

export const compareWorkbookUrl = (ids: string[]) => `/api/simulations/scenarios/compare.xlsx?ids=${ids.map(encodeURIComponent).join(',')}`;
