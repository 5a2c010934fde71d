/** The report and export part of the HTTP API. */
import { json } from '../api';

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

/** A saving that falls on one level: 市町村, 都道府県, 国, or the resident. */
export interface LevelSaving {
  level: string;
  costYen: number;
  touchHours: number;
}

export interface AnnualSaving {
  touchHours: number;
  costYen: number;
  forms: number;
  residentVisits: number;
  residentHours: number;
  fte: number;
  costYenCi95: [number, number];
  byLevel?: LevelSaving[];
}

/** One municipality's own effect: its n per arm and its Δ with its own interval. */
export interface MunicipalityEffect {
  municipalityCode: string;
  nameJa: string | null;
  nameEn?: string | null;
  asIsN: number;
  toBeN: number;
  smallSample: boolean;
  delta: Record<Metric, MetricDelta | null> | null;
}

export interface CostFigure {
  yen: number | null;
  source: string | null;
  basis: string | null;
}

export interface Payback {
  pilotId: string;
  investment: CostFigure | null;
  annualRunningCost: CostFigure | null;
  annualSavingYen: number;
  years: number | null;
  municipalitiesWithoutVolume: string[];
  note: string | null;
}

export interface ProjectionReport {
  label: string;
  labelJa: string;
  processes: {
    processKey: string;
    title: ProcessTitle | null;
    byMunicipality?: MunicipalityEffect[];
    municipalities: {
      municipalityCode: string;
      nameJa: string | null;
      nameEn?: string | null;
      annualVolume: number;
      basis?: 'own' | 'pooled';
      annual: AnnualSaving;
    }[];
    nationwide: { municipalityCount: number; annualVolume: number; annual: AnnualSaving } | null;
    flags: string[];
  }[];
  payback?: Payback | null;
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

/** A figure of a step's metadata the report rests on, with its source and basis. */
export interface FigureSource {
  processKey: string;
  arm: Arm;
  definitionId: string;
  version: number;
  stepCode: string;
  figure: string;
  value: string;
  source: string;
  basis: string | null;
}

export interface ImportSummary {
  id: string;
  kind: 'timeStudy' | 'questionnaire';
  fileName: string;
  rows: number;
  importedAt: string;
}

export interface MethodReport {
  definitions: string[];
  timeCapture: TimeCapture[];
  figureSources?: FigureSource[];
  imports?: ImportSummary[];
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
