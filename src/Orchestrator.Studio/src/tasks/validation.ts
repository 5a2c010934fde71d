import type { TFunction } from 'i18next';
import type { FieldProblem } from '../api';
import type { FieldValue, FormField } from './api';

/** What the form holds per field: text for inputs and selects, a flag for checkboxes. */
export type FormValues = Record<string, string | boolean>;

export function initialValues(fields: readonly FormField[], data: Record<string, unknown> | null | undefined): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = data?.[field.name];
    if (field.type === 'checkbox') values[field.name] = value === true || value === 'true';
    else values[field.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

function asNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function patternMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return true; // a pattern the browser cannot read is left to the server
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns the form into the `data` of a completion (numbers as numbers, checkboxes as booleans, empty fields
 * left out) and checks it the way the server does. The server's 400 stays authoritative.
 */
export function collectData(
  fields: readonly FormField[],
  values: FormValues,
  t: TFunction,
): { data: Record<string, FieldValue>; errors: Record<string, string> } {
  const data: Record<string, FieldValue> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const label = field.label || field.name;
    const raw = values[field.name];
    if (field.type === 'checkbox') {
      const checked = raw === true;
      data[field.name] = checked;
      if (field.required && !checked) errors[field.name] = t('tasks.task.errors.check', { label });
      continue;
    }
    const text = typeof raw === 'string' ? raw : '';
    if (text.trim() === '') {
      if (field.required) errors[field.name] = t(field.type === 'choice' ? 'tasks.task.errors.choose' : 'tasks.task.errors.required', { label });
      continue;
    }
    switch (field.type) {
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n)) {
          errors[field.name] = t('tasks.task.errors.number', { label });
          break;
        }
        const min = asNumber(field.min);
        const max = asNumber(field.max);
        if (min !== null && n < min) errors[field.name] = t('tasks.task.errors.min', { label, min });
        else if (max !== null && n > max) errors[field.name] = t('tasks.task.errors.max', { label, max });
        data[field.name] = n;
        break;
      }
      case 'date': {
        if (!isoDate.test(text)) {
          errors[field.name] = t('tasks.task.errors.date', { label });
          break;
        }
        const min = typeof field.min === 'string' && isoDate.test(field.min) ? field.min : null;
        const max = typeof field.max === 'string' && isoDate.test(field.max) ? field.max : null;
        if (min !== null && text < min) errors[field.name] = t('tasks.task.errors.dateMin', { label, min });
        else if (max !== null && text > max) errors[field.name] = t('tasks.task.errors.dateMax', { label, max });
        data[field.name] = text;
        break;
      }
      default: {
        if (field.type === 'text' && field.pattern && !patternMatches(field.pattern, text)) errors[field.name] = t('tasks.task.errors.pattern', { label });
        data[field.name] = text;
      }
    }
  }
  return { data, errors };
}

/** "$.data.申請者番号", "$.data['a b']" → the field name; null for other paths. */
export function dataFieldOf(path: string): string | null {
  const dotted = /^\$\.data\.(.+)$/.exec(path);
  if (dotted?.[1]) return dotted[1];
  const bracketed = /^\$\.data\[['"](.+)['"]\]$/.exec(path);
  return bracketed?.[1] ?? null;
}

export interface MappedProblems {
  /** Messages per form field name. */
  fields: Record<string, string>;
  /** A message for the effort field ($.effortMinutes). */
  effort: string | null;
  /** Messages that belong to no field. */
  other: string[];
}

/** Sorts the server's 400 problems onto the form's fields (names matched exactly, then ignoring case). */
export function mapProblems(problems: readonly FieldProblem[], fields: readonly FormField[]): MappedProblems {
  const result: MappedProblems = { fields: {}, effort: null, other: [] };
  for (const problem of problems) {
    const name = dataFieldOf(problem.path);
    const field = name === null ? undefined : (fields.find((f) => f.name === name) ?? fields.find((f) => f.name.toLowerCase() === name.toLowerCase()));
    if (field) {
      result.fields[field.name] = result.fields[field.name] ? `${result.fields[field.name]} ${problem.message}` : problem.message;
    } else if (/^\$\.effortMinutes$/i.test(problem.path)) {
      result.effort = problem.message;
    } else {
      result.other.push(problem.message);
    }
  }
  return result;
}
