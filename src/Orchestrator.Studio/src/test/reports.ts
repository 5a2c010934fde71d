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
    personnelCostYen: stat(cost - 100),
    otherCostYen: stat(100),
    forms: stat(forms),
    transcribedItems: stat(100),
    steps: stat(6),
    automatedSteps: stat(0),
    rework: stat(0.1),
    firstTimeRight: stat(0.9),
    residentVisits: stat(visits),
    residentDocuments: stat(7),
    residentHours: stat(5),
    residentProcedures: stat(1),
    satisfaction: { n: 0, mean: null, median: null, p90: null },
  };
}

const delta = (value: number, asIs: number, low: number, high: number) => ({ value, reductionRate: value / asIs, ci95: [low, high] as [number, number] });
const shares = (measured: number, estimate: number, simulated: number) => ({ measured, published: 0, estimate, simulated });

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
        personnelCostYen: delta(5700, 9400, 5100, 6300),
        otherCostYen: delta(0, 100, 0, 0),
        forms: delta(13, 15, 13, 13),
        transcribedItems: delta(0, 100, 0, 0),
        steps: delta(0, 6, 0, 0),
        automatedSteps: { value: -1, reductionRate: null, ci95: [-1, -1] },
        rework: delta(0, 0.1, -0.05, 0.05),
        firstTimeRight: { value: 0, reductionRate: null, ci95: [-0.05, 0.05] },
        // The interval's upper end is above the as-is mean: as a share of it that would read as a reduction above 100 %.
        residentVisits: { value: 5, reductionRate: 5 / 6, ci95: [3.5, 6.4] },
        residentDocuments: delta(0, 7, 0, 0),
        residentHours: delta(0, 5, 0, 0),
        residentProcedures: delta(0, 1, 0, 0),
        satisfaction: null,
      },
      flags: ['mixed-live-simulated'],
      population: {
        cases: 72,
        live: 2,
        simulated: 70,
        imported: 0,
        surveyed: 0,
        timeStudySteps: 0,
        clerkSteps: 400,
        editedSteps: 3,
        missingTimes: 0,
        unsourcedFigures: 0,
        unratedMinutes: 0,
      },
      provenance: {
        asIs: {} as never,
        toBe: {} as never,
        both: {
          touchMinutes: shares(2 / 72, 0, 70 / 72),
          leadTimeHours: shares(2 / 72, 0, 70 / 72),
          leadTimeBusinessHours: shares(2 / 72, 0, 70 / 72),
          costYen: shares(0, 0.03, 0.97),
          personnelCostYen: shares(0, 0.03, 0.97),
          otherCostYen: shares(0, 0.03, 0.97),
          forms: shares(0, 0.03, 0.97),
          transcribedItems: shares(0, 0.03, 0.97),
          steps: shares(2 / 72, 0, 70 / 72),
          automatedSteps: shares(2 / 72, 0, 70 / 72),
          rework: shares(2 / 72, 0, 70 / 72),
          firstTimeRight: shares(2 / 72, 0, 70 / 72),
          residentVisits: shares(0, 0.03, 0.97),
          residentDocuments: shares(0, 0.03, 0.97),
          residentHours: shares(0, 0.03, 0.97),
          residentProcedures: shares(2 / 72, 0, 70 / 72),
          satisfaction: null,
        },
      },
      banners: [
        { metric: 'touchMinutes', share: 70 / 72 },
        { metric: 'forms', share: 1 },
      ],
      interval: 'mixed',
      versions: [],
    },
  ],
  definitions: ['タッチタイム = 報告作業時間の合計', 'Δ = 平均(現行) − 平均(改革後)'],
  rates: { version: 2, source: 'api', changedAt: '2026-11-30T00:00:00Z', changedBy: 'coordinator', currency: 'JPY', annualWorkingHours: 1900 },
  bootstrap: { samples: 2000, seed: 2009, method: 'percentile' },
  scope: { mode: 'all', modeDefaulted: false, versions: [] },
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
            n: 20,
            cases: 20,
            actorOrgLevel: 'National',
            actorRole: '年金事務所',
            name: '年金事務所',
            durationMinutes: stat(30),
            touchMinutes: stat(20),
            formsPerCase: 1.1,
            touchMinutesPerCase: 11.1,
            costYenPerCase: 777,
          },
          toBe: {
            n: 20,
            cases: 20,
            actorOrgLevel: 'System',
            actorRole: '住基ネット',
            name: '通知',
            durationMinutes: stat(1),
            touchMinutes: stat(0),
            formsPerCase: 0,
            touchMinutesPerCase: 0,
            costYenPerCase: 0,
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
      byMunicipality: [
        {
          municipalityCode: '131016',
          nameJa: '千代田区',
          nameEn: 'Chiyoda City',
          asIsN: 36,
          toBeN: 36,
          smallSample: false,
          delta: effectReport.processes[0]!.delta,
        },
        { municipalityCode: '272035', nameJa: '豊中市', asIsN: 4, toBeN: 3, smallSample: true, delta: null },
      ],
      municipalities: [{ municipalityCode: '131016', nameJa: '千代田区', nameEn: 'Chiyoda City', annualVolume: 600, basis: 'own', annual: annual(600) }],
      nationwide: { municipalityCount: 1741, annualVolume: 1_600_000, annual: annual(1_600_000) },
      flags: [],
    },
  ],
  payback: {
    pilotId: 'okuyami-sim',
    investment: { yen: 3_000_000, source: 'estimate', basis: '端末と様式印字の改修の見積り' },
    annualRunningCost: { yen: 300_000, source: 'estimate', basis: '保守' },
    annualSavingYen: 3_420_000,
    years: 3_000_000 / (3_420_000 - 300_000),
    municipalitiesWithoutVolume: [],
    note: null,
  },
  volumesSource: 'fixtures/volumes.json',
  definitions: [],
};

export const methodReport: MethodReport = {
  definitions: ['リードタイム = 案件終了 − 案件開始', 'タッチタイム = 報告作業時間の合計'],
  timeCapture: [
    {
      processKey: 'okuyami',
      arm: 'AsIs',
      stepCode: 'OK-01',
      activityType: 'Orchestrator.HumanTask',
      executions: 36,
      simulated: 34,
      method: 'タスク画面: 作成・着手・完了の時刻',
    },
  ],
  figureSources: [
    {
      processKey: 'okuyami',
      arm: 'AsIs',
      definitionId: 'okuyami-asis',
      version: 1,
      stepCode: 'OK-03',
      figure: 'forms',
      value: '3',
      source: 'estimate',
      basis: '3 様式。デモ用の推計',
    },
  ],
  imports: [{ id: 'i1', kind: 'timeStudy', fileName: '6月タイムスタディ.xlsx', rows: 120, importedAt: '2026-07-01T01:00:00Z' }],
  rates: effectReport.rates,
  appliedRates: [
    {
      orgLevel: 'Municipality',
      role: '市民課',
      hourlyRateJpy: 3300,
      validFrom: '2026-04-01',
      validTo: null,
      estimate: true,
      derivation: '[est] 年間給与 … ÷ 1,900 時間',
    },
  ],
  ratesDerivation: '時間単価 = …',
  calendar: '執務カレンダー fixtures/calendar.json: 平日 08:30–17:15',
  dataQuality: {
    cases: 72,
    liveCases: 2,
    simulatedCases: 70,
    simulatedShare: 70 / 72,
    unfinishedInstances: {},
    completedSteps: 500,
    stepsMissingStart: 1,
    stepsMissingCompletion: 0,
    completedTasks: 400,
    tasksMissingClaim: 2,
    editedEffort: 3,
    editedEffortShare: 3 / 400,
    effortNotReported: 0,
    handoffs: 30,
    handoffsNotReceived: 1,
    unratedTouchMinutes: 0,
  },
};

export const effortReport = {
  rows: [
    {
      processKey: 'okuyami',
      arm: 'AsIs',
      orgLevel: 'Municipality',
      orgCode: '131016',
      orgNameJa: '千代田区',
      orgNameEn: 'Chiyoda City',
      role: '市民課',
      tasks: 36,
      clerks: 3,
      touchMinutes: 540,
      costYen: 29700,
      editedTasks: 1,
    },
  ],
  clerks: [],
  definitions: [],
};
