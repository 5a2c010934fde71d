/**
 * The procedure form: text in the controls, turned into the API's procedure on save. Problems come back keyed like
 * the server's JSON paths without "$." (e.g. "dataFlows[0].items[1].name"), so each shows at its control.
 */
import type { FieldProblem } from '../../api';
import {
  flowFigures,
  procedureFigures,
  type DataItemType,
  type Figure,
  type FlowFigure,
  type PartyLevel,
  type Procedure,
  type ProcedureFigure,
  type Provenance,
  type TransferMeans,
} from '../api';

export interface FigureForm {
  value: string;
  source: Provenance | '';
  basis: string;
}

export interface ItemForm {
  name: string;
  type: DataItemType | '';
  codeSet: string;
  personal: boolean;
}

export interface FlowForm {
  number: string;
  fromLevel: PartyLevel | '';
  fromOrganisation: string;
  toLevel: PartyLevel | '';
  toOrganisation: string;
  means: TransferMeans | '';
  frequency: string;
  figures: Record<FlowFigure, FigureForm>;
  items: ItemForm[];
}

export interface ProcedureForm {
  code: string;
  nameJa: string;
  nameEn: string;
  field: string;
  legalBasis: string;
  organisations: string;
  needsText: string;
  constraintLegal: string;
  constraintOperational: string;
  constraintTechnical: string;
  excluded: boolean;
  excludedReason: string;
  processKey: string;
  asIsDefinitionId: string | null;
  figures: Record<ProcedureFigure, FigureForm>;
  flows: FlowForm[];
}

export type Errors = Record<string, string>;

const emptyFigure = (): FigureForm => ({ value: '', source: '', basis: '' });
const figureForm = (f: Figure | null | undefined): FigureForm =>
  f ? { value: f.value === null ? '' : String(f.value), source: f.source ?? '', basis: f.basis ?? '' } : emptyFigure();

export function emptyFlow(number: number): FlowForm {
  return {
    number: String(number),
    fromLevel: '',
    fromOrganisation: '',
    toLevel: '',
    toOrganisation: '',
    means: '',
    frequency: '',
    figures: Object.fromEntries(flowFigures.map((k) => [k, emptyFigure()])) as Record<FlowFigure, FigureForm>,
    items: [],
  };
}

export function emptyForm(): ProcedureForm {
  return fromProcedure(null);
}

export function fromProcedure(p: Procedure | null): ProcedureForm {
  return {
    code: p?.code ?? '',
    nameJa: p?.nameJa ?? '',
    nameEn: p?.nameEn ?? '',
    field: p?.field ?? '',
    legalBasis: p?.legalBasis ?? '',
    organisations: p?.organisations ?? '',
    needsText: p?.needsText ?? '',
    constraintLegal: p?.constraintLegal ?? '',
    constraintOperational: p?.constraintOperational ?? '',
    constraintTechnical: p?.constraintTechnical ?? '',
    excluded: p?.excluded ?? false,
    excludedReason: p?.excludedReason ?? '',
    processKey: p?.processKey ?? '',
    asIsDefinitionId: p?.asIsDefinitionId ?? null,
    figures: Object.fromEntries(procedureFigures.map((k) => [k, figureForm(p?.[k])])) as Record<ProcedureFigure, FigureForm>,
    flows: (p?.dataFlows ?? []).map((f) => ({
      number: String(f.number),
      fromLevel: f.fromLevel ?? '',
      fromOrganisation: f.fromOrganisation ?? '',
      toLevel: f.toLevel ?? '',
      toOrganisation: f.toOrganisation ?? '',
      means: f.means ?? '',
      frequency: f.frequency ?? '',
      figures: Object.fromEntries(flowFigures.map((k) => [k, figureForm(f[k])])) as Record<FlowFigure, FigureForm>,
      items: f.items.map((i) => ({ name: i.name, type: i.type ?? '', codeSet: i.codeSet ?? '', personal: i.personal })),
    })),
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A number typed with digit grouping or full-width digits reads too; null = empty; NaN = not a number. */
export function parseNumber(value: string): number | null {
  const normalized = value.normalize('NFKC').replace(/,/g, '').trim();
  if (normalized === '') return null;
  const number = Number(normalized);
  return Number.isFinite(number) ? number : Number.NaN;
}

/** The procedure to send, and the problems only the browser can see (text where a number belongs). */
export function toProcedure(form: ProcedureForm, notANumber: string): { procedure: Procedure; errors: Errors } {
  const errors: Errors = {};
  const figure = (f: FigureForm, key: string): Figure => {
    const value = parseNumber(f.value);
    if (Number.isNaN(value)) errors[`${key}.value`] = notANumber;
    return { value: Number.isNaN(value) ? null : value, source: f.source === '' ? null : f.source, basis: text(f.basis) };
  };
  const procedure = {
    code: form.code.trim(),
    nameJa: form.nameJa.trim(),
    nameEn: text(form.nameEn),
    field: form.field.trim(),
    legalBasis: text(form.legalBasis),
    organisations: text(form.organisations),
    needsText: text(form.needsText),
    constraintLegal: text(form.constraintLegal),
    constraintOperational: text(form.constraintOperational),
    constraintTechnical: text(form.constraintTechnical),
    excluded: form.excluded,
    excludedReason: text(form.excludedReason),
    processKey: text(form.processKey),
    asIsDefinitionId: form.asIsDefinitionId,
    ...Object.fromEntries(procedureFigures.map((k) => [k, figure(form.figures[k], k)])),
    dataFlows: form.flows.map((f, i) => {
      const number = parseNumber(f.number);
      if (number === null || Number.isNaN(number) || !Number.isInteger(number)) errors[`dataFlows[${i}].number`] = notANumber;
      return {
        number: number !== null && Number.isInteger(number) ? number : 0,
        fromLevel: f.fromLevel === '' ? null : f.fromLevel,
        fromOrganisation: text(f.fromOrganisation),
        toLevel: f.toLevel === '' ? null : f.toLevel,
        toOrganisation: text(f.toOrganisation),
        means: f.means === '' ? null : f.means,
        frequency: text(f.frequency),
        ...Object.fromEntries(flowFigures.map((k) => [k, figure(f.figures[k], `dataFlows[${i}].${k}`)])),
        items: f.items.map((item) => ({
          name: item.name.trim(),
          type: item.type === '' ? null : item.type,
          codeSet: text(item.codeSet),
          personal: item.personal,
        })),
      };
    }),
  } as Procedure;
  return { procedure, errors };
}

/** The server's problems keyed by field ("$.dataFlows[0].means" → "dataFlows[0].means"); the first message of a field wins. */
export function errorsFrom(problems: readonly FieldProblem[]): Errors {
  const errors: Errors = {};
  for (const p of problems) {
    const key = p.path.replace(/^\$\.?/, '') || 'form';
    errors[key] ??= p.message;
  }
  return errors;
}

/** An id for a field's control (and its message) that survives the brackets and dots of the key. */
export function controlId(field: string): string {
  return `procedure-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
