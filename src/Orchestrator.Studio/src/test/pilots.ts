import type { ArmProgress, CycleView, DefinitionChoice, InstanceSummary, OrganisationEntry, PilotConfiguration, PilotView } from '../pilots/api';

/** GET /api/organisations: three municipalities, a prefecture and a national agency. */
export const organisations: OrganisationEntry[] = [
  { level: 'Municipality', code: '131016', nameJa: '千代田区', nameEn: 'Chiyoda City', parentCode: '13' },
  { level: 'Municipality', code: '141003', nameJa: '横浜市', nameEn: 'Yokohama City', parentCode: '14' },
  { level: 'Municipality', code: '272035', nameJa: '豊中市', nameEn: 'Toyonaka City', parentCode: '27' },
  { level: 'Prefecture', code: '13', nameJa: '東京都', nameEn: 'Tokyo Metropolis', parentCode: null },
  { level: 'National', code: 'jps-pension', nameJa: '年金事務所', nameEn: 'Japan Pension Service office', parentCode: null },
];

const definition = (definitionId: string, name: string, processKey: string, arm: 'AsIs' | 'ToBe', isPublished = true): DefinitionChoice => ({
  definitionId,
  version: 1,
  name,
  processKey,
  arm,
  isPublished,
});

/** GET /api/workflow-definitions: the shipped processes, plus a draft that must not be offered. */
export const definitions: DefinitionChoice[] = [
  definition('okuyami-asis', 'おくやみ手続（現行）', 'okuyami', 'AsIs'),
  definition('okuyami-tobe', 'おくやみ手続（改革後）', 'okuyami', 'ToBe'),
  definition('tenshutsu-tennyu-asis', '転出・転入（現行）', 'tenshutsu-tennyu', 'AsIs'),
  definition('tenshutsu-tennyu-tobe', '転出・転入（改革後）', 'tenshutsu-tennyu', 'ToBe'),
  definition('okuyami-tobe-draft', 'おくやみ（下書き）', 'okuyami', 'ToBe', false),
];

/** A simulated pilot of おくやみ with every optional member set. */
export function fullConfiguration(): PilotConfiguration {
  return {
    name: { ja: 'おくやみ実証', en: 'Bereavement pilot' },
    description: '千代田区と豊中市で比較する',
    mode: 'Simulated',
    active: true,
    processes: [
      {
        processKey: 'okuyami',
        asIs: { definitionId: 'okuyami-asis', version: 2 },
        toBe: { definitionId: 'okuyami-tobe', version: null },
        casesFile: 'fixtures/cases/okuyami.csv',
      },
      {
        processKey: 'tenshutsu-tennyu',
        asIs: { definitionId: 'tenshutsu-tennyu-asis', version: null },
        toBe: { definitionId: 'tenshutsu-tennyu-tobe', version: 3 },
        casesFile: 'fixtures/cases/tenshutsu-tennyu.csv',
      },
    ],
    municipalities: ['131016', '272035'],
    design: { assignment: 'ByMunicipality', seed: null, armByMunicipality: { '131016': 'AsIs', '272035': 'ToBe' } },
    casesPerCycle: 4,
    caseSource: { kind: 'Csv', seed: null },
    schedule: { cron: '*/3 * * * *', timeZone: 'Asia/Tokyo' },
    cycleLength: '2.12:30:00',
    simulation: {
      seed: 20261125,
      clerkCapacity: { default: 3, byOrganisation: { '131016': 5, 'jps-pension': 1 } },
      calendar: {
        timeZone: 'Asia/Tokyo',
        opensAt: '09:00',
        closesAt: '17:00',
        yearEndClosure: false,
        holidays: [
          { date: '2026-11-03', name: '文化の日' },
          { date: '2026-11-23', name: null },
        ],
      },
    },
    costs: {
      investment: { yen: 3_000_000, source: 'estimate', basis: '端末と様式印字の改修の見積り' },
      annualRunningCost: { yen: 300_000, source: 'published', basis: '保守契約の公表額' },
    },
  };
}

export function progress(planned: number, started: number, completed: number, overdue = 0, failed = 0): ArmProgress {
  return { planned, started, completed, overdue, failed };
}

export function cycleView(overrides: Partial<CycleView> = {}): CycleView {
  return {
    id: 'c1',
    pilotId: 'okuyami-sim',
    number: 1,
    status: 'Closed',
    trigger: 'Manual',
    simulated: true,
    requestedAt: '2026-11-24T00:30:00Z',
    startedAt: '2026-11-24T00:30:00Z',
    deadline: '2026-12-08T00:30:00Z',
    closedAt: '2026-11-24T00:30:05Z',
    casesPlanned: 4,
    instancesPlanned: 8,
    instancesStarted: 8,
    progress: { AsIs: progress(4, 4, 4), ToBe: progress(4, 4, 4) },
    figuresFrozen: true,
    error: null,
    ...overrides,
  };
}

export function pilotView(overrides: Partial<PilotView> = {}, configuration: Partial<PilotConfiguration> = {}): PilotView {
  const config = { ...fullConfiguration(), ...configuration };
  return {
    id: 'okuyami-sim',
    name: { ja: config.name?.ja ?? null, en: config.name?.en ?? null },
    mode: config.mode ?? 'Simulated',
    active: config.active,
    configuration: config,
    cycleCount: 1,
    createdAt: '2026-11-20T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    lastCycle: cycleView(),
    versions: [
      { processKey: 'okuyami', arm: 'AsIs', definitionId: 'okuyami-asis', pinnedVersion: 2, publishedVersion: 3, followsPublished: false, nextCycleVersion: 2 },
      {
        processKey: 'okuyami',
        arm: 'ToBe',
        definitionId: 'okuyami-tobe',
        pinnedVersion: null,
        publishedVersion: 4,
        followsPublished: true,
        nextCycleVersion: 4,
      },
    ],
    ...overrides,
  };
}

export function instance(overrides: Partial<InstanceSummary> = {}): InstanceSummary {
  return {
    id: 'i1',
    definitionId: 'okuyami-asis',
    definitionVersion: 1,
    processKey: 'okuyami',
    arm: 'AsIs',
    status: 'Finished',
    caseId: 'OKU-0001',
    municipalityCode: '131016',
    simulated: true,
    createdAt: '2026-11-24T00:30:00Z',
    finishedAt: '2026-11-24T03:10:00Z',
    ...overrides,
  };
}
