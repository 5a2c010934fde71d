/** The report and export part of the HTTP API (DESIGN.md §5). */
import { json } from '../api';

export type Arm = 'AsIs' | 'ToBe';
export type Mode = 'all' | 'live' | 'simulated';

export interface ReportFilter {
  pilotId?: string;
  cycleId?: string;
  processKey?: string;
  municipality?: string;
  mode?: Mode;
}

export const filterKeys = ['pilotId', 'cycleId', 'processKey', 'municipality', 'mode'] as const;
export const modes: readonly Mode[] = ['all', 'live', 'simulated'];

/** Filters in a fixed order; empty values and the default mode are left out. */
export function filterQuery(filter: ReportFilter): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filter[key];
    if (value && !(key === 'mode' && value === 'all')) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface Stat {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export const metrics = [
  'touchMinutes',
  'leadTimeHours',
  'leadTimeBusinessHours',
  'costYen',
  'forms',
  'steps',
  'residentVisits',
  'residentDocuments',
  'residentHours',
  'transcribedItems',
] as const;
export type Metric = (typeof metrics)[number];

/** The programme's four effect axes and the metrics under each. */
export const axes: readonly { key: string; metrics: readonly Metric[] }[] = [
  { key: 'time', metrics: ['touchMinutes', 'leadTimeHours', 'leadTimeBusinessHours'] },
  { key: 'cost', metrics: ['costYen'] },
  { key: 'forms', metrics: ['forms', 'steps', 'transcribedItems'] },
  { key: 'resident', metrics: ['residentVisits', 'residentDocuments', 'residentHours'] },
];

export type ArmSummary = { n: number; smallSample: boolean } & Record<Metric, Stat>;

export interface MetricDelta {
  value: number;
  reductionRate: number | null;
  ci95: [number, number];
}

export interface ProcessTitle {
  ja: string;
  en: string;
}

export interface Population {
  cases: number;
  live: number;
  simulated: number;
  clerkSteps: number;
  editedSteps: number;
  missingTimes: number;
  unratedMinutes: number;
}

export interface EffectProcess {
  processKey: string;
  title: ProcessTitle | null;
  asIs: ArmSummary;
  toBe: ArmSummary;
  delta: Record<Metric, MetricDelta> | null;
  flags: string[];
  population: Population;
}

export interface RatesUsed {
  version: number;
  source: string;
  changedAt: string;
  changedBy: string | null;
  currency: string;
  annualWorkingHours: number | null;
}

export interface EffectReport {
  processes: EffectProcess[];
  definitions: string[];
  rates: RatesUsed;
  bootstrap: { samples: number; seed: number; method: string };
  generatedAt: string;
}

export interface StepStat {
  n: number;
  cases: number;
  actorOrgLevel: string | null;
  actorRole: string | null;
  name: string | null;
  durationMinutes: Stat;
  touchMinutes: Stat;
  formsPerCase: number;
  touchMinutesPerCase: number;
  costYenPerCase: number;
}

export type Classification = 'removed' | 'automated' | 'shortened' | 'unchanged' | 'new';

export interface StepComparison {
  stepCode: string;
  name: string | null;
  classification: Classification;
  asIs: StepStat | null;
  toBe: StepStat | null;
}

export interface StepReport {
  processes: { processKey: string; title: ProcessTitle | null; asIsCases: number; toBeCases: number; steps: StepComparison[] }[];
  definitions: string[];
}

export const segments = ['touch', 'queue', 'handoff', 'resident', 'system', 'offHours', 'other'] as const;
export type Segment = (typeof segments)[number];

export interface LeadTimeArm {
  n: number;
  leadTimeHours: Stat;
  leadTimeBusinessHours: Stat;
  meanHours: Record<Segment, number>;
  shares: Record<Segment, number>;
  processCycleEfficiency: number | null;
}

export interface LeadTimeReport {
  processes: { processKey: string; title: ProcessTitle | null; asIs: LeadTimeArm; toBe: LeadTimeArm }[];
  definitions: string[];
}

export interface HandoffCell {
  sender: string;
  receiver: string;
  count: number;
  received: number;
  failed: number;
  failedAttempts: number;
  latencyHours: Stat;
}

export interface HandoffMatrix {
  cases: number;
  levels: string[];
  cells: HandoffCell[];
}

export interface HandoffReport {
  processes: { processKey: string; title: ProcessTitle | null; asIs: HandoffMatrix; toBe: HandoffMatrix }[];
  allAsIs: HandoffMatrix;
  allToBe: HandoffMatrix;
  definitions: string[];
}

export interface TrendArm {
  n: number;
  touchMinutes: number | null;
  leadTimeHours: number | null;
  costYen: number | null;
}

export interface TrendCycle {
  cycleId: string | null;
  /** The pilot and its cycle number, when the cycle is a pilot's. */
  pilotId: string | null;
  cycleNumber: number | null;
  order: number;
  firstCaseStartedAt: string;
  asIs: TrendArm;
  toBe: TrendArm;
  deltaTouchMinutes: number | null;
}

export interface TrendReport {
  processes: { processKey: string; title: ProcessTitle | null; cycles: TrendCycle[] }[];
  definitions: string[];
}

export interface AnnualSaving {
  touchHours: number;
  costYen: number;
  forms: number;
  residentVisits: number;
  residentHours: number;
  fte: number;
  costYenCi95: [number, number];
}

export interface ProjectionReport {
  label: string;
  labelJa: string;
  processes: {
    processKey: string;
    title: ProcessTitle | null;
    municipalities: { municipalityCode: string; nameJa: string | null; annualVolume: number; annual: AnnualSaving }[];
    nationwide: { municipalityCount: number; annualVolume: number; annual: AnnualSaving } | null;
    flags: string[];
  }[];
  volumesSource: string;
  definitions: string[];
}

export interface EffortRow {
  processKey: string;
  arm: Arm;
  orgLevel: string | null;
  orgCode: string | null;
  orgNameJa: string | null;
  orgNameEn: string | null;
  role: string | null;
  tasks: number;
  clerks: number;
  touchMinutes: number;
  costYen: number;
  editedTasks: number;
}

export interface EffortReport {
  rows: EffortRow[];
  definitions: string[];
}

export interface AppliedRate {
  orgLevel: string;
  role: string | null;
  hourlyRateJpy: number;
  validFrom: string | null;
  validTo: string | null;
  estimate: boolean;
  derivation: string | null;
}

export interface TimeCapture {
  processKey: string;
  arm: Arm;
  stepCode: string;
  activityType: string;
  executions: number;
  simulated: number;
  method: string;
}

export interface MethodReport {
  definitions: string[];
  timeCapture: TimeCapture[];
  rates: RatesUsed;
  appliedRates: AppliedRate[];
  ratesDerivation: string | null;
  calendar: string;
  dataQuality: {
    cases: number;
    liveCases: number;
    simulatedCases: number;
    simulatedShare: number;
    unfinishedInstances: Record<string, number>;
    completedSteps: number;
    stepsMissingStart: number;
    stepsMissingCompletion: number;
    completedTasks: number;
    tasksMissingClaim: number;
    editedEffort: number;
    editedEffortShare: number;
    effortNotReported: number;
    handoffs: number;
    handoffsNotReceived: number;
    unratedTouchMinutes: number;
  };
}

const get = <T>(path: string, filter: ReportFilter, signal?: AbortSignal) =>
  json<T>(`/api/reports/${path}${filterQuery(filter)}`, signal ? { signal } : {});

export const getEffect = (f: ReportFilter, s?: AbortSignal) => get<EffectReport>('effect', f, s);
export const getSteps = (f: ReportFilter, s?: AbortSignal) => get<StepReport>('steps', f, s);
export const getLeadTime = (f: ReportFilter, s?: AbortSignal) => get<LeadTimeReport>('leadtime', f, s);
export const getHandoffs = (f: ReportFilter, s?: AbortSignal) => get<HandoffReport>('handoffs', f, s);
export const getTrend = (f: ReportFilter, s?: AbortSignal) => get<TrendReport>('trend', f, s);
export const getProjection = (f: ReportFilter, s?: AbortSignal) => get<ProjectionReport>('projection', f, s);
export const getEffort = (f: ReportFilter, s?: AbortSignal) => get<EffortReport>('effort', f, s);
export const getMethod = (f: ReportFilter, s?: AbortSignal) => get<MethodReport>('method', f, s);

export const exportFormats = ['xlsx', 'csv', 'xes', 'ocel'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Download address of an export with the page's filters (the browser sends the session cookie). */
export function exportUrl(format: ExportFormat, filter: ReportFilter): string {
  return `/api/exports/${format}${filterQuery(filter)}`;
}
