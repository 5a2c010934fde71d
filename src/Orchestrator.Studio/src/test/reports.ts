/** Report payloads shaped as the server sends them, for the reports area's tests. */
import type { EffectReport, HandoffMatrix, LeadTimeArm, MethodReport, ProjectionReport, StepReport, TrendReport } from '../reports/api';

const stat = (mean: number, median = mean, p90 = mean) => ({ mean, median, p90 });

function arm(n: number, touch: number, cost: number, forms: number, visits: number) {
  return {
    n,
    smallSample: n < 30,
    touchMinutes: stat(touch, touch - 1, touch + 4),
    leadTimeHours: stat(30, 28, 50),
    leadTimeBusinessHours: stat(8, 7, 12),
    costYen: stat(cost),
    forms: stat(forms),
    steps: stat(6),
    residentVisits: stat(visits),
    residentDocuments: stat(7),
    residentHours: stat(5),
    transcribedItems: stat(100),
  };
}

const delta = (value: number, asIs: number, low: number, high: number) => ({ value, reductionRate: value / asIs, ci95: [low, high] as [number, number] });

export const effectReport: EffectReport = {
  processes: [
    {
      processKey: 'okuyami',
      title: { ja: 'おくやみ手続', en: 'Bereavement procedures' },
      asIs: arm(36, 150, 9500, 15, 6),
      toBe: { ...arm(36, 60, 3800, 2, 1), leadTimeHours: stat(6), leadTimeBusinessHours: stat(3) },
      delta: {
        touchMinutes: delta(90, 150, 80.5, 99.25),
        leadTimeHours: delta(24, 30, 20, 28),
        leadTimeBusinessHours: delta(5, 8, 4, 6),
        costYen: delta(5700, 9500, 5100, 6300),
        forms: delta(13, 15, 13, 13),
        steps: delta(0, 6, 0, 0),
        residentVisits: delta(5, 6, 5, 5),
        residentDocuments: delta(0, 7, 0, 0),
        residentHours: delta(0, 5, 0, 0),
        transcribedItems: delta(0, 100, 0, 0),
      },
      flags: ['mixed-live-simulated'],
      population: { cases: 72, live: 2, simulated: 70, clerkSteps: 400, editedSteps: 3, missingTimes: 0, unratedMinutes: 0 },
    },
  ],
  definitions: ['タッチタイム = 報告作業時間の合計', 'Δ = 平均(現行) − 平均(改革後)'],
  rates: { version: 2, source: 'api', changedAt: '2026-11-30T00:00:00Z', changedBy: 'coordinator', currency: 'JPY', annualWorkingHours: 1900 },
  bootstrap: { samples: 2000, seed: 2009, method: 'percentile' },
  generatedAt: '2026-12-01T01:00:00Z',
};

export const stepReport: StepReport = {
  processes: [
    {
      processKey: 'okuyami',
      title: { ja: 'おくやみ手続', en: 'Bereavement procedures' },
      asIsCases: 36,
      toBeCases: 36,
      steps: [
        {
          stepCode: 'OK-09',
          name: '年金事務所 受給権者死亡届',
          classification: 'automated',
          asIs: {
            n: 20, cases: 20, actorOrgLevel: 'National', actorRole: '年金事務所', name: '年金事務所', durationMinutes: stat(30), touchMinutes: stat(20),
            formsPerCase: 1.1, touchMinutesPerCase: 11.1, costYenPerCase: 777,
          },
          toBe: {
            n: 20, cases: 20, actorOrgLevel: 'System', actorRole: '住基ネット', name: '通知', durationMinutes: stat(1), touchMinutes: stat(0),
            formsPerCase: 0, touchMinutesPerCase: 0, costYenPerCase: 0,
          },
        },
      ],
    },
  ],
  definitions: [],
};

const segmentsOf = (touch: number): LeadTimeArm['meanHours'] => ({ touch, queue: 2, handoff: 5, resident: 1, system: 0.5, offHours: 12, other: 0.2 });
const leadArm = (touch: number): LeadTimeArm => ({
  n: 36,
  leadTimeHours: stat(30),
  leadTimeBusinessHours: stat(8),
  meanHours: segmentsOf(touch),
  shares: segmentsOf(touch),
  processCycleEfficiency: 0.08,
});

export const leadTimeReport = {
  processes: [{ processKey: 'okuyami', title: { ja: 'おくやみ手続', en: 'Bereavement procedures' }, asIs: leadArm(2.5), toBe: leadArm(1) }],
  definitions: [],
};

const matrix = (count: number): HandoffMatrix => ({
  cases: 36,
  levels: ['Municipality', 'Prefecture', 'National'],
  cells: ['Municipality', 'Prefecture', 'National'].flatMap((sender) =>
    ['Municipality', 'Prefecture', 'National'].map((receiver) => {
      const used = sender === 'Municipality' && receiver === 'National';
      return {
        sender,
        receiver,
        count: used ? count : 0,
        received: used ? count - 1 : 0,
        failed: used ? 1 : 0,
        failedAttempts: used ? 2 : 0,
        latencyHours: used ? stat(20, 18.5, 40.25) : { mean: null, median: null, p90: null },
      };
    }),
  ),
});

export const handoffReport = { processes: [], allAsIs: matrix(12), allToBe: matrix(0), definitions: [] };

export const trendReport: TrendReport = {
  processes: [
    {
      processKey: 'okuyami',
      title: { ja: 'おくやみ手続', en: 'Bereavement procedures' },
      cycles: [1, 2, 3].map((order) => ({
        cycleId: `c${order}`,
        pilotId: null,
        cycleNumber: null,
        order,
        firstCaseStartedAt: `2026-11-0${order}T00:00:00Z`,
        asIs: { n: 12, touchMinutes: 150 - order, leadTimeHours: 30, costYen: 9500 },
        toBe: { n: 12, touchMinutes: 60 - order, leadTimeHours: 6, costYen: 3800 },
        deltaTouchMinutes: 90,
      })),
    },
  ],
  definitions: [],
};

const annual = (volume: number) => ({
  touchHours: (90 * volume) / 60,
  costYen: 5700 * volume,
  forms: 13 * volume,
  residentVisits: 5 * volume,
  residentHours: 0,
  fte: (90 * volume) / 60 / 1900,
  costYenCi95: [5100 * volume, 6300 * volume] as [number, number],
});

export const projectionReport: ProjectionReport = {
  label: 'projection',
  labelJa: '推計',
  processes: [
    {
      processKey: 'okuyami',
      title: { ja: 'おくやみ手続', en: 'Bereavement procedures' },
      municipalities: [{ municipalityCode: '131016', nameJa: '千代田区', annualVolume: 600, annual: annual(600) }],
      nationwide: { municipalityCount: 1741, annualVolume: 1_600_000, annual: annual(1_600_000) },
      flags: [],
    },
  ],
  volumesSource: 'fixtures/volumes.json',
  definitions: [],
};

export const methodReport: MethodReport = {
  definitions: ['リードタイム = 案件終了 − 案件開始', 'タッチタイム = 報告作業時間の合計'],
  timeCapture: [
    { processKey: 'okuyami', arm: 'AsIs', stepCode: 'OK-01', activityType: 'Orchestrator.HumanTask', executions: 36, simulated: 34, method: 'タスク画面: 作成・着手・完了の時刻' },
  ],
  rates: effectReport.rates,
  appliedRates: [
    { orgLevel: 'Municipality', role: '市民課', hourlyRateJpy: 3300, validFrom: '2026-04-01', validTo: null, estimate: true, derivation: '[est] 年間給与 … ÷ 1,900 時間' },
  ],
  ratesDerivation: '時間単価 = …',
  calendar: '執務カレンダー fixtures/calendar.json: 平日 08:30–17:15',
  dataQuality: {
    cases: 72, liveCases: 2, simulatedCases: 70, simulatedShare: 70 / 72, unfinishedInstances: {}, completedSteps: 500, stepsMissingStart: 1,
    stepsMissingCompletion: 0, completedTasks: 400, tasksMissingClaim: 2, editedEffort: 3, editedEffortShare: 3 / 400, effortNotReported: 0,
    handoffs: 30, handoffsNotReceived: 1, unratedTouchMinutes: 0,
  },
};

export const effortReport = {
  rows: [
    { processKey: 'okuyami', arm: 'AsIs', orgLevel: 'Municipality', orgCode: '131016', orgNameJa: '千代田区', orgNameEn: 'Chiyoda City', role: '市民課', tasks: 36, clerks: 3, touchMinutes: 540, costYen: 29700, editedTasks: 1 },
  ],
  clerks: [],
  definitions: [],
};
