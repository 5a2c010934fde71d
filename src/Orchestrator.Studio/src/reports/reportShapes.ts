import type { Stat, Metric, Arm, MetricDelta, ProcessTitle, RatesUsed } from './api';

/** The shapes of the step, lead-time, handoff, trend, projection, effort and method reports, as the server sends them. */
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
