/**
 * The pilot form: what the screen edits (text as typed, one row per list entry) and its conversion to and from the
 * configuration the API takes. Numbers stay text until the form is checked, so a half-typed value is never lost.
 */
import type { Arm } from '../tasks/api';
import type { ArmAssignment, CaseSourceKind, CostFigure, PilotArmDefinition, PilotConfiguration, PilotMode } from './api';
import { formatTimeSpan, parseTimeSpan } from './timespan';

export const defaultTimeZone = 'Asia/Tokyo';
export const defaultCycleDays = 14;
export const assignments: readonly ArmAssignment[] = ['BothArms', 'Alternate', 'Random', 'ByMunicipality'];
export const caseSourceKinds: readonly CaseSourceKind[] = ['Csv', 'Generator'];
export const modes: readonly PilotMode[] = ['Live', 'Simulated'];

export interface ProcessRow {
  rowId: string;
  processKey: string;
  asIs: string;
  /** Empty: the version published when the cycle starts. */
  asIsVersion: string;
  toBe: string;
  toBeVersion: string;
  casesFile: string;
}

export interface ClerkRow {
  rowId: string;
  code: string;
  count: string;
}

export interface HolidayRow {
  rowId: string;
  date: string;
  name: string;
}

export interface SimulationForm {
  seed: string;
  clerkDefault: string;
  clerks: ClerkRow[];
  /** false: the standard office calendar (weekdays 8:30–17:15, national holidays, year-end closure). */
  ownCalendar: boolean;
  calendarTimeZone: string;
  opensAt: string;
  closesAt: string;
  yearEndClosure: boolean;
  holidays: HolidayRow[];
}

/** A cost as typed: yen, source and basis. */
export interface CostRow {
  yen: string;
  source: string;
  basis: string;
}

export interface PilotForm {
  /** Only when creating: the pilot's id (slug); empty = the server picks one. */
  id: string;
  nameJa: string;
  nameEn: string;
  description: string;
  mode: PilotMode;
  active: boolean;
  processes: ProcessRow[];
  municipalities: string[];
  assignment: ArmAssignment;
  designSeed: string;
  armByMunicipality: Record<string, Arm | ''>;
  casesPerCycle: string;
  caseSourceKind: CaseSourceKind;
  caseSourceSeed: string;
  scheduled: boolean;
  cron: string;
  timeZone: string;
  cycleDays: string;
  cycleHours: string;
  cycleMinutes: string;
  simulation: SimulationForm;
  investment: CostRow;
  runningCost: CostRow;
}

/** A key for a list row (React keys); crypto.randomUUID is missing outside secure contexts, getRandomValues is not. */
export function newRowId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join('-');
}

/** The shipped case files are fixtures/cases/<processKey>.csv. */
export function defaultCasesFile(processKey: string): string {
  return processKey ? `fixtures/cases/${processKey}.csv` : '';
}

export function emptyProcessRow(): ProcessRow {
  return { rowId: newRowId(), processKey: '', asIs: '', asIsVersion: '', toBe: '', toBeVersion: '', casesFile: '' };
}

export function emptyClerkRow(): ClerkRow {
  return { rowId: newRowId(), code: '', count: '' };
}

export function emptyHolidayRow(): HolidayRow {
  return { rowId: newRowId(), date: '', name: '' };
}

function defaultSimulation(): SimulationForm {
  return {
    seed: '1',
    clerkDefault: '2',
    clerks: [],
    ownCalendar: false,
    calendarTimeZone: defaultTimeZone,
    opensAt: '08:30',
    closesAt: '17:15',
    yearEndClosure: true,
    holidays: [],
  };
}

/** A new pilot: simulated (nothing reaches a real inbox until someone chooses Live), manual cycles, 14-day cycles. */
export function newPilotForm(): PilotForm {
  return {
    id: '',
    nameJa: '',
    nameEn: '',
    description: '',
    mode: 'Simulated',
    active: true,
    processes: [emptyProcessRow()],
    municipalities: [],
    assignment: 'BothArms',
    designSeed: '',
    armByMunicipality: {},
    casesPerCycle: '2',
    caseSourceKind: 'Csv',
    caseSourceSeed: '',
    scheduled: false,
    cron: '',
    timeZone: defaultTimeZone,
    cycleDays: String(defaultCycleDays),
    cycleHours: '0',
    cycleMinutes: '0',
    investment: { yen: '', source: 'estimate', basis: '' },
    runningCost: { yen: '', source: 'estimate', basis: '' },
    simulation: defaultSimulation(),
  };
}

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The form for an existing configuration; members the server left null take the values the server would use. */
export function toForm(config: PilotConfiguration): PilotForm {
  const base = newPilotForm();
  const cycle = parseTimeSpan(config.cycleLength) ?? { days: defaultCycleDays, hours: 0, minutes: 0, seconds: 0 };
  const sim = config.simulation;
  const calendar = sim?.calendar ?? null;
  const arms: Record<string, Arm | ''> = {};
  for (const [code, arm] of Object.entries(config.design?.armByMunicipality ?? {})) arms[code] = arm === 'AsIs' || arm === 'ToBe' ? arm : '';
  return {
    ...base,
    nameJa: config.name?.ja ?? '',
    nameEn: config.name?.en ?? '',
    description: config.description ?? '',
    mode: config.mode ?? base.mode,
    active: config.active,
    processes: (config.processes ?? []).map((p) => ({
      rowId: newRowId(),
      processKey: p.processKey ?? '',
      asIs: p.asIs?.definitionId ?? '',
      asIsVersion: text(p.asIs?.version),
      toBe: p.toBe?.definitionId ?? '',
      toBeVersion: text(p.toBe?.version),
      casesFile: p.casesFile ?? '',
    })),
    municipalities: [...(config.municipalities ?? [])],
    assignment: config.design?.assignment ?? 'BothArms',
    designSeed: text(config.design?.seed),
    armByMunicipality: arms,
    casesPerCycle: text(config.casesPerCycle),
    caseSourceKind: config.caseSource?.kind ?? 'Csv',
    caseSourceSeed: text(config.caseSource?.seed),
    scheduled: Boolean(config.schedule?.cron?.trim()),
    cron: config.schedule?.cron ?? '',
    timeZone: config.schedule?.timeZone ?? defaultTimeZone,
    // Seconds are not offered on the form: they fold into the minutes.
    cycleDays: String(cycle.days),
    cycleHours: String(cycle.hours),
    cycleMinutes: String(cycle.minutes + Math.round(cycle.seconds / 60)),
    investment: costRow(config.costs?.investment),
    runningCost: costRow(config.costs?.annualRunningCost),
    simulation: sim
      ? {
          seed: text(sim.seed),
          clerkDefault: text(sim.clerkCapacity?.default ?? 2),
          clerks: Object.entries(sim.clerkCapacity?.byOrganisation ?? {}).map(([code, count]) => ({ rowId: newRowId(), code, count: text(count) })),
          ownCalendar: calendar !== null,
          calendarTimeZone: calendar?.timeZone ?? defaultTimeZone,
          opensAt: calendar?.opensAt ?? '08:30',
          closesAt: calendar?.closesAt ?? '17:15',
          yearEndClosure: calendar?.yearEndClosure ?? true,
          holidays: (calendar?.holidays ?? []).map((h) => ({ rowId: newRowId(), date: h.date, name: h.name ?? '' })),
        }
      : base.simulation,
  };
}

function costRow(figure: CostFigure | null | undefined): CostRow {
  return { yen: text(figure?.yen), source: figure?.source ?? 'estimate', basis: figure?.basis ?? '' };
}

/** A cost as the API takes it; null when no amount is typed. */
function costFigure(row: CostRow): CostFigure | null {
  const yen = row.yen.trim() === '' ? null : Number(row.yen.trim().replace(/,/g, ''));
  return yen === null ? null : { yen: Number.isFinite(yen) ? yen : null, source: orNull(row.source), basis: orNull(row.basis) };
}

/** An integer as typed, or null when the field is empty or not a whole number (the checks report those). */
export function integerOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function arm(definitionId: string, version: string): PilotArmDefinition {
  return { definitionId: orNull(definitionId), version: integerOrNull(version) };
}

/**
 * The configuration the form describes. Members that do not apply are sent as null: no seed unless the arms are
 * drawn at random or cases generated, no per-municipality arms unless assigned by municipality, no schedule when
 * cycles run by hand only, no simulation settings for a live pilot.
 */
export function toConfiguration(form: PilotForm): PilotConfiguration {
  const byMunicipality = form.assignment === 'ByMunicipality';
  const armByMunicipality: Record<string, Arm> = {};
  if (byMunicipality) {
    for (const code of form.municipalities) {
      const chosen = form.armByMunicipality[code];
      if (chosen) armByMunicipality[code] = chosen;
    }
  }
  const sim = form.simulation;
  const clerks: Record<string, number> = {};
  for (const row of sim.clerks) {
    const count = integerOrNull(row.count);
    if (row.code && count !== null) clerks[row.code] = count;
  }
  return {
    name: { ja: form.nameJa.trim(), en: orNull(form.nameEn) },
    description: orNull(form.description),
    mode: form.mode,
    active: form.active,
    processes: form.processes.map((row) => ({
      processKey: orNull(row.processKey),
      asIs: arm(row.asIs, row.asIsVersion),
      toBe: arm(row.toBe, row.toBeVersion),
      casesFile: orNull(row.casesFile),
    })),
    municipalities: [...form.municipalities],
    design: {
      assignment: form.assignment,
      seed: form.assignment === 'Random' ? integerOrNull(form.designSeed) : null,
      armByMunicipality: byMunicipality ? armByMunicipality : null,
    },
    casesPerCycle: integerOrNull(form.casesPerCycle) ?? 0,
    caseSource: { kind: form.caseSourceKind, seed: form.caseSourceKind === 'Generator' ? integerOrNull(form.caseSourceSeed) : null },
    schedule: form.scheduled && form.cron.trim() ? { cron: form.cron.trim().replace(/\s+/g, ' '), timeZone: orNull(form.timeZone) ?? defaultTimeZone } : null,
    cycleLength: formatTimeSpan({
      days: integerOrNull(form.cycleDays) ?? 0,
      hours: integerOrNull(form.cycleHours) ?? 0,
      minutes: integerOrNull(form.cycleMinutes) ?? 0,
    }),
    simulation:
      form.mode === 'Simulated'
        ? {
            seed: integerOrNull(sim.seed) ?? 1,
            clerkCapacity: { default: integerOrNull(sim.clerkDefault) ?? 2, byOrganisation: Object.keys(clerks).length > 0 ? clerks : null },
            calendar: sim.ownCalendar
              ? {
                  timeZone: orNull(sim.calendarTimeZone) ?? defaultTimeZone,
                  opensAt: orNull(sim.opensAt),
                  closesAt: orNull(sim.closesAt),
                  yearEndClosure: sim.yearEndClosure,
                  holidays: sim.holidays.filter((h) => h.date.trim() !== '').map((h) => ({ date: h.date.trim(), name: orNull(h.name) })),
                }
              : null,
          }
        : null,
    costs:
      costFigure(form.investment) || costFigure(form.runningCost)
        ? { investment: costFigure(form.investment), annualRunningCost: costFigure(form.runningCost) }
        : null,
  };
}

/** Whether two forms describe the same configuration (row ids and typing differences that change nothing aside). */
export function sameConfiguration(a: PilotForm, b: PilotForm): boolean {
  return a.id.trim() === b.id.trim() && JSON.stringify(toConfiguration(a)) === JSON.stringify(toConfiguration(b));
}
