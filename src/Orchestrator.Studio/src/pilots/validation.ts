/**
 * Checks of the pilot form before it is sent (the obvious ones; the server's 400 stays authoritative), and the
 * mapping of the server's problem paths ($.processes[0].toBe.definitionId …) onto the form's fields.
 */
import type { FieldProblem } from '../api';
import { integerOrNull, type PilotForm } from './form';
import { cronFieldCount } from './schedule';

export const maxCasesPerCycle = 10_000;
const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A problem found on the form: the field it belongs to, and a text code under pilots.form.errors. */
export interface FormProblem {
  field: string;
  code: string;
  values?: Record<string, string | number>;
}

/** A problem as shown: the field (null = the form as a whole) and the message. */
export interface ShownProblem {
  field: string | null;
  message: string;
}

/** The DOM id of a field's control (keys hold dots, brackets and codes). */
export function fieldId(field: string): string {
  return `pilot-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function isValidDate(text: string): boolean {
  if (!datePattern.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function checkForm(form: PilotForm, creating: boolean): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (field: string, code: string, values?: FormProblem['values']) => problems.push(values ? { field, code, values } : { field, code });
  const integer = (field: string, value: string, min: number, max?: number) => {
    const n = integerOrNull(value);
    if (n === null || n < min || (max !== undefined && n > max)) add(field, max === undefined ? 'integerMin' : 'integerRange', { min, max: max ?? '' });
  };

  if (creating && form.id.trim() !== '' && !idPattern.test(form.id.trim())) add('id', 'id');
  if (form.nameJa.trim() === '') add('nameJa', 'nameJa');

  if (form.processes.length === 0) add('processes', 'processes');
  const seen = new Set<string>();
  form.processes.forEach((row, i) => {
    const key = row.processKey.trim();
    if (key === '') add(`processes.${i}.processKey`, 'processKey');
    else if (seen.has(key)) add(`processes.${i}.processKey`, 'duplicateProcess', { key });
    seen.add(key);
    if (row.asIs.trim() === '') add(`processes.${i}.asIs`, 'asIs');
    if (row.asIsVersion.trim() !== '') integer(`processes.${i}.asIsVersion`, row.asIsVersion, 1);
    if (row.toBe.trim() === '') add(`processes.${i}.toBe`, 'toBe');
    if (row.toBeVersion.trim() !== '') integer(`processes.${i}.toBeVersion`, row.toBeVersion, 1);
    if (form.caseSourceKind === 'Csv' && row.casesFile.trim() === '') add(`processes.${i}.casesFile`, 'casesFile');
  });

  if (form.municipalities.length === 0) add('municipalities', 'municipalities');
  if (form.assignment === 'Random' && form.designSeed.trim() !== '') integer('designSeed', form.designSeed, 0, 2_147_483_647);
  if (form.assignment === 'ByMunicipality') {
    for (const code of form.municipalities) if (!form.armByMunicipality[code]) add(`arm.${code}`, 'arm', { code });
  }

  integer('casesPerCycle', form.casesPerCycle, 1, maxCasesPerCycle);
  if (form.caseSourceKind === 'Generator' && form.caseSourceSeed.trim() !== '') integer('caseSourceSeed', form.caseSourceSeed, 0, 2_147_483_647);

  if (form.scheduled) {
    const fields = cronFieldCount(form.cron);
    if (fields === 0) add('cron', 'cronRequired');
    else if (fields !== 5 && fields !== 6) add('cron', 'cronFields', { count: fields });
    if (form.timeZone.trim() === '') add('timeZone', 'timeZone');
  }

  const parts = [form.cycleDays, form.cycleHours, form.cycleMinutes].map((v) => (v.trim() === '' ? 0 : integerOrNull(v)));
  if (parts.some((n) => n === null || n < 0)) add('cycleLength', 'cycleLengthNumber');
  else {
    const [d = 0, h = 0, m = 0] = parts as number[];
    const minutes = d * 1440 + h * 60 + m;
    if (minutes < 1 || minutes > 366 * 1440) add('cycleLength', 'cycleLengthRange');
  }

  if (form.mode === 'Simulated') {
    const sim = form.simulation;
    integer('simulation.seed', sim.seed, 0, 2_147_483_647);
    integer('simulation.clerkDefault', sim.clerkDefault, 1);
    const codes = new Set<string>();
    sim.clerks.forEach((row, i) => {
      if (row.code === '') add(`simulation.clerks.${i}.code`, 'clerkOrganisation');
      else if (codes.has(row.code)) add(`simulation.clerks.${i}.code`, 'duplicateOrganisation');
      codes.add(row.code);
      integer(`simulation.clerks.${i}.count`, row.count, 1);
    });
    if (sim.ownCalendar) {
      if (!timePattern.test(sim.opensAt)) add('simulation.opensAt', 'time');
      if (!timePattern.test(sim.closesAt)) add('simulation.closesAt', 'time');
      else if (timePattern.test(sim.opensAt) && sim.closesAt <= sim.opensAt) add('simulation.closesAt', 'closesAfterOpens');
      sim.holidays.forEach((row, i) => {
        if (!isValidDate(row.date.trim())) add(`simulation.holidays.${i}.date`, 'holidayDate');
      });
    }
  }
  return problems;
}

type Segment = string | number;

/** "$.processes[0].asIs.definitionId" → ["processes", 0, "asIs", "definitionId"]; null when it is no JSON path. */
export function pathSegments(path: string): Segment[] | null {
  if (!path.startsWith('$')) return null;
  const segments: Segment[] = [];
  const token = /\.([^.[\]]+)|\[(\d+)\]|\[['"]([^'"]+)['"]\]/gy;
  token.lastIndex = 1;
  while (token.lastIndex < path.length) {
    const match = token.exec(path);
    if (!match) return null;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[3]!);
  }
  return segments;
}

const lower = (s: Segment | undefined) => (typeof s === 'string' ? s.toLowerCase() : s);

/** The form field a server problem path belongs to; null when it fits none (it then shows in the summary only). */
export function fieldOfPath(path: string, form: PilotForm): string | null {
  const s = pathSegments(path);
  if (!s || s.length === 0) return null;
  const [a, b, c, d] = s.map(lower);
  switch (a) {
    case 'id':
      return 'id';
    case 'name':
      return b === 'en' ? 'nameEn' : 'nameJa';
    case 'description':
      return 'description';
    case 'mode':
      return 'mode';
    case 'active':
      return 'active';
    case 'processes': {
      if (typeof b !== 'number' || b >= form.processes.length) return 'processes';
      if (c === 'asis' || c === 'tobe') {
        const armKey = c === 'asis' ? 'asIs' : 'toBe';
        return d === 'version' ? `processes.${b}.${armKey}Version` : `processes.${b}.${armKey}`;
      }
      if (c === 'casesfile') return `processes.${b}.casesFile`;
      return `processes.${b}.processKey`;
    }
    case 'municipalities':
      return 'municipalities';
    case 'design': {
      if (b === 'seed') return 'designSeed';
      if (b === 'armbymunicipality') {
        const code = s[2];
        return typeof code === 'string' && form.municipalities.includes(code) ? `arm.${code}` : 'assignment';
      }
      return 'assignment';
    }
    case 'casespercycle':
      return 'casesPerCycle';
    case 'casesource':
      return b === 'seed' ? 'caseSourceSeed' : 'caseSourceKind';
    case 'schedule':
      return b === 'timezone' ? 'timeZone' : 'cron';
    case 'cyclelength':
      return 'cycleLength';
    case 'costs': {
      const row = b === 'investment' ? 'investment' : 'runningCost';
      return `${row}.${c === 'source' ? 'source' : c === 'basis' ? 'basis' : 'yen'}`;
    }
    case 'simulation': {
      if (b === 'seed') return 'simulation.seed';
      if (b === 'clerkcapacity') {
        if (c === 'byorganisation') {
          const code = s[3];
          const row = form.simulation.clerks.findIndex((r) => r.code === code);
          return row >= 0 ? `simulation.clerks.${row}.count` : 'simulation.clerkDefault';
        }
        return 'simulation.clerkDefault';
      }
      if (b === 'calendar') {
        if (c === 'holidays' && typeof d === 'number' && d < form.simulation.holidays.length) return `simulation.holidays.${d}.date`;
        if (c === 'opensat') return 'simulation.opensAt';
        if (c === 'closesat') return 'simulation.closesAt';
        if (c === 'timezone') return 'simulation.calendarTimeZone';
        return 'simulation.calendar';
      }
      return 'simulation.seed';
    }
    default:
      return null;
  }
}

/** Sorts the server's problems onto the form's fields. */
export function mapServerProblems(errors: readonly FieldProblem[], form: PilotForm): ShownProblem[] {
  return errors.map((problem) => ({ field: fieldOfPath(problem.path, form), message: problem.message }));
}

/** One message per field (several joined), as shown beside the control. */
export function messagesByField(problems: readonly ShownProblem[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const problem of problems) {
    if (problem.field === null) continue;
    byField[problem.field] = byField[problem.field] ? `${byField[problem.field]} ${problem.message}` : problem.message;
  }
  return byField;
}
