/** The pilot part of the HTTP API: configurations, cycles and their progress. */
import { json, type Organisation } from '../api';
import type { Arm } from '../tasks/api';

export type PilotMode = 'Live' | 'Simulated';
export type ArmAssignment = 'BothArms' | 'Alternate' | 'Random' | 'ByMunicipality';
export type CaseSourceKind = 'Csv' | 'Generator';

export interface LocalizedName {
  ja: string | null;
  en: string | null;
}

/** A definition one arm runs; no version = the version published when the cycle starts. */
export interface PilotArmDefinition {
  definitionId: string | null;
  version: number | null;
}

export interface PilotProcess {
  processKey: string | null;
  asIs: PilotArmDefinition | null;
  toBe: PilotArmDefinition | null;
  casesFile: string | null;
}

export interface PilotDesign {
  assignment: ArmAssignment;
  seed: number | null;
  armByMunicipality: Record<string, Arm> | null;
}

export interface PilotCaseSource {
  kind: CaseSourceKind;
  seed: number | null;
}

export interface PilotSchedule {
  cron: string | null;
  timeZone: string | null;
}

export interface ClerkCapacity {
  default: number;
  byOrganisation: Record<string, number> | null;
}

export interface Holiday {
  date: string;
  name: string | null;
}

export interface OfficeCalendarDocument {
  timeZone: string | null;
  opensAt: string | null;
  closesAt: string | null;
  yearEndClosure: boolean | null;
  holidays: Holiday[] | null;
}

export interface SimulationDesign {
  seed: number;
  clerkCapacity: ClerkCapacity | null;
  calendar: OfficeCalendarDocument | null;
}

/** A yen amount with its source (measured, published, estimate) and basis. */
export interface CostFigure {
  yen: number | null;
  source: string | null;
  basis: string | null;
}

/** What the reform costs: the one-off investment and the running cost it adds a year (for the payback period). */
export interface PilotCosts {
  investment: CostFigure | null;
  annualRunningCost: CostFigure | null;
}

/** The configuration as POST/PUT /api/pilots take it and GET returns it (camelCase; null = the server's default). */
export interface PilotConfiguration {
  name: LocalizedName | null;
  description: string | null;
  mode: PilotMode | null;
  active: boolean;
  processes: PilotProcess[] | null;
  municipalities: string[] | null;
  design: PilotDesign | null;
  casesPerCycle: number;
  caseSource: PilotCaseSource | null;
  schedule: PilotSchedule | null;
  /** TimeSpan text, "d.hh:mm:ss"; null = 14 days. */
  cycleLength: string | null;
  simulation: SimulationDesign | null;
  costs?: PilotCosts | null;
}

export type CycleStatus = 'Starting' | 'Running' | 'Closed' | 'Failed';
export type CycleTrigger = 'Schedule' | 'Manual' | 'Demo';

export interface ArmProgress {
  planned: number;
  started: number;
  completed: number;
  overdue: number;
  failed: number;
}

export interface CycleView {
  id: string;
  pilotId: string;
  number: number;
  status: CycleStatus;
  trigger: CycleTrigger;
  simulated: boolean;
  requestedAt: string;
  /** Virtual time for a simulated cycle. */
  startedAt: string | null;
  /** Virtual time for a simulated cycle. */
  deadline: string | null;
  closedAt: string | null;
  casesPlanned: number;
  instancesPlanned: number;
  instancesStarted: number;
  progress: Partial<Record<Arm, ArmProgress>>;
  figuresFrozen: boolean;
  error: string | null;
  /** The definition versions the cycle's instances ran, with how many ran each. */
  versions?: VersionRun[];
}

export interface VersionRun {
  arm: Arm | string;
  definitionId: string;
  version: number;
  instances: number;
}

/** What the next cycle runs for one arm: the pinned version, else the published one (followed on each publish). */
export interface ArmVersion {
  processKey: string;
  arm: Arm;
  definitionId: string;
  pinnedVersion: number | null;
  publishedVersion: number | null;
  followsPublished: boolean;
  nextCycleVersion: number | null;
}

export interface PilotView {
  id: string;
  name: LocalizedName;
  mode: PilotMode;
  active: boolean;
  configuration: PilotConfiguration;
  cycleCount: number;
  createdAt: string;
  updatedAt: string;
  lastCycle: CycleView | null;
  versions?: ArmVersion[];
}

export interface CycleStarted {
  cycleId: string;
  number: number;
}

export type InstanceStatus = 'Running' | 'Suspended' | 'Finished' | 'Faulted' | 'Cancelled';

/** A workflow instance as GET /api/workflow-instances lists it. */
export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  processKey: string | null;
  arm: Arm | string | null;
  status: InstanceStatus | string;
  caseId: string | null;
  municipalityCode: string | null;
  simulated: boolean;
  createdAt: string;
  finishedAt: string | null;
}

/** The latest version of a definition, as GET /api/workflow-definitions lists it (the members the pickers use). */
export interface DefinitionChoice {
  definitionId: string;
  version: number;
  name: string;
  processKey: string | null;
  arm: Arm | string | null;
  isPublished: boolean;
  /** The process's title from the definition (`customProperties.orchestrator.title`), when it has one. */
  titleJa?: string | null;
  titleEn?: string | null;
}

export interface OrganisationEntry extends Organisation {
  parentCode: string | null;
}

const pilotPath = (id: string) => `/api/pilots/${encodeURIComponent(id)}`;
const withSignal = (signal?: AbortSignal): RequestInit => (signal ? { signal } : {});

export function listPilots(signal?: AbortSignal): Promise<PilotView[]> {
  return json<PilotView[]>('/api/pilots', withSignal(signal));
}

export function getPilot(id: string, signal?: AbortSignal): Promise<PilotView> {
  return json<PilotView>(pilotPath(id), withSignal(signal));
}

/** 201 with the pilot; a 400 throws ApiError whose problem lists every field problem. */
export function createPilot(configuration: PilotConfiguration, id: string | null): Promise<PilotView> {
  const body = id ? { id, ...configuration } : configuration;
  return json<PilotView>('/api/pilots', { method: 'POST', body: JSON.stringify(body) });
}

export function updatePilot(id: string, configuration: PilotConfiguration): Promise<PilotView> {
  return json<PilotView>(pilotPath(id), { method: 'PUT', body: JSON.stringify(configuration) });
}

/** 202; 409 while the previous cycle is still starting. */
export function runCycle(id: string): Promise<CycleStarted> {
  return json<CycleStarted>(`${pilotPath(id)}/cycles`, { method: 'POST' });
}

export function listCycles(id: string, signal?: AbortSignal): Promise<CycleView[]> {
  return json<CycleView[]>(`${pilotPath(id)}/cycles`, withSignal(signal));
}

export function getCycle(cycleId: string, signal?: AbortSignal): Promise<CycleView> {
  return json<CycleView>(`/api/cycles/${encodeURIComponent(cycleId)}`, withSignal(signal));
}

/** The instances of a cycle (the server caps a page at 1000). */
export function listCycleInstances(cycleId: string, signal?: AbortSignal): Promise<InstanceSummary[]> {
  return json<InstanceSummary[]>(`/api/workflow-instances?cycleId=${encodeURIComponent(cycleId)}&take=1000`, withSignal(signal));
}

export function listDefinitionChoices(signal?: AbortSignal): Promise<DefinitionChoice[]> {
  return json<DefinitionChoice[]>('/api/workflow-definitions', withSignal(signal));
}

export function listOrganisations(signal?: AbortSignal): Promise<OrganisationEntry[]> {
  return json<OrganisationEntry[]>('/api/organisations', withSignal(signal));
}
