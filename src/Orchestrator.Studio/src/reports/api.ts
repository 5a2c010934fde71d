/** The report and export part of the HTTP API. */
import { json } from '../api';
import type { EffortReport, HandoffReport, LeadTimeReport, MethodReport, ProjectionReport, StepReport, TrendReport } from './reportShapes';
export * from './reportShapes';

export type Arm = 'AsIs' | 'ToBe';
/** auto (the default): live records only when there are any, else the simulated ones; all pools both (and says so). */
export type Mode = 'auto' | 'all' | 'live' | 'simulated';
/** latest (the default): one definition version per process and arm; all: every version (a mix is flagged). */
export type Versions = 'latest' | 'all';

export interface ReportFilter {
  pilotId?: string;
  cycleId?: string;
  processKey?: string;
  municipality?: string;
  mode?: Mode;
  versions?: Versions;
}

export const filterKeys = ['pilotId', 'cycleId', 'processKey', 'municipality', 'mode', 'versions'] as const;
export const modes: readonly Mode[] = ['auto', 'live', 'simulated', 'all'];
export const versionChoices: readonly Versions[] = ['latest', 'all'];

/** Filters in a fixed order; empty values and the defaults (mode auto, latest versions) are left out. */
export function filterQuery(filter: ReportFilter): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filter[key];
    if (value && !(key === 'mode' && value === 'auto') && !(key === 'versions' && value === 'latest')) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface Stat {
  /** The cases with a value of the metric (a case known only from imports lacks some). */
  n?: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export const metrics = [
  'touchMinutes',
  'leadTimeHours',
  'leadTimeBusinessHours',
  'costYen',
  'personnelCostYen',
  'otherCostYen',
  'forms',
  'transcribedItems',
  'steps',
  'automatedSteps',
  'rework',
  'firstTimeRight',
  'residentVisits',
  'residentDocuments',
  'residentHours',
  'residentProcedures',
  'satisfaction',
] as const;
export type Metric = (typeof metrics)[number];

/** The programme's five effect axes and the metrics under each, in the order a report leads with. */
export const axes: readonly { key: string; metrics: readonly Metric[] }[] = [
  { key: 'time', metrics: ['touchMinutes', 'leadTimeHours', 'leadTimeBusinessHours'] },
  { key: 'cost', metrics: ['costYen', 'personnelCostYen', 'otherCostYen'] },
  { key: 'forms', metrics: ['forms', 'transcribedItems', 'steps', 'automatedSteps'] },
  { key: 'quality', metrics: ['rework', 'firstTimeRight'] },
  { key: 'resident', metrics: ['residentVisits', 'residentDocuments', 'residentHours', 'residentProcedures', 'satisfaction'] },
];

/** Metrics shown as money, and shares shown as percentages. */
export const yenMetrics: readonly Metric[] = ['costYen', 'personnelCostYen', 'otherCostYen'];
export const shareMetrics: readonly Metric[] = ['firstTimeRight'];

export type ArmSummary = { n: number; smallSample: boolean } & Record<Metric, Stat>;

/** The share of a metric resting on each source. */
export interface ProvenanceShares {
  measured: number;
  published: number;
  estimate: number;
  simulated: number;
}

export const sources = ['measured', 'published', 'estimate', 'simulated'] as const;

/** A figure resting mostly on estimates and simulation draws, with that share (the report's 「推計値に基づく」). */
export interface EstimateBanner {
  metric: Metric;
  share: number;
}

export interface ArmVersion {
  processKey: string;
  arm: Arm;
  definitionId: string;
  version: number;
  cases: number;
  included: boolean;
}

/** What the intervals describe: sampling uncertainty (measured cases), model variability (simulated), or a mix. */
export type IntervalKind = 'sampling' | 'model' | 'mixed';

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
  imported?: number;
  surveyed?: number;
  timeStudySteps?: number;
  clerkSteps: number;
  editedSteps: number;
  missingTimes: number;
  unsourcedFigures?: number;
  unratedMinutes: number;
}

export interface EffectProcess {
  processKey: string;
  title: ProcessTitle | null;
  asIs: ArmSummary;
  toBe: ArmSummary;
  delta: Record<Metric, MetricDelta | null> | null;
  flags: string[];
  population: Population;
  provenance?: { asIs: Record<Metric, ProvenanceShares | null>; toBe: Record<Metric, ProvenanceShares | null>; both: Record<Metric, ProvenanceShares | null> };
  banners?: EstimateBanner[];
  interval?: IntervalKind;
  versions?: ArmVersion[];
}

export interface ReportScope {
  mode: Exclude<Mode, 'auto'>;
  modeDefaulted: boolean;
  versions: ArmVersion[];
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
  scope?: ReportScope;
  generatedAt: string;
}

const get = <T>(path: string, filter: ReportFilter, signal?: AbortSignal) => json<T>(`/api/reports/${path}${filterQuery(filter)}`, signal ? { signal } : {});

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
