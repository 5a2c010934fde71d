/** The inventory part of the HTTP API: the catalogue, the workbook, weight schemes, the ranking and 重点分野. */
import { ApiError, NetworkError, json, readProblem, send, type FieldProblem } from '../api';

export type Provenance = 'Measured' | 'Published' | 'Estimated';
export const provenances: readonly Provenance[] = ['Measured', 'Published', 'Estimated'];
export type PartyLevel = 'Resident' | 'Municipality' | 'Prefecture' | 'National';
export const partyLevels: readonly PartyLevel[] = ['Resident', 'Municipality', 'Prefecture', 'National'];
export type TransferMeans = 'ResidentCarried' | 'Post' | 'Fax' | 'LgwanMail' | 'JukiNet' | 'SystemInterface';
export const transferMeans: readonly TransferMeans[] = ['ResidentCarried', 'Post', 'Fax', 'LgwanMail', 'JukiNet', 'SystemInterface'];
export type DataItemType = 'Text' | 'Number' | 'Date' | 'Code' | 'Flag';
export const dataItemTypes: readonly DataItemType[] = ['Text', 'Number', 'Date', 'Code', 'Flag'];
export type Criterion = 'Effect' | 'Needs' | 'Feasibility' | 'Cost';
export const criteria: readonly Criterion[] = ['Effect', 'Needs', 'Feasibility', 'Cost'];

/** A number with its provenance and basis; value null = not known yet. */
export interface Figure {
  value: number | null;
  source: Provenance | null;
  basis: string | null;
}

export const procedureFigures = [
  'volumeNational',
  'volumePerMunicipality',
  'residentTrips',
  'residentDocuments',
  'clerkMinutes',
  'rekeyedFields',
  'reductionRate',
  'needsScore',
  'feasibilityScore',
  'costScore',
] as const;
export type ProcedureFigure = (typeof procedureFigures)[number];

export const flowFigures = ['clerkMinutes', 'rekeyedFields', 'documents', 'transitDays'] as const;
export type FlowFigure = (typeof flowFigures)[number];

export interface DataItem {
  name: string;
  type: DataItemType | null;
  codeSet: string | null;
  personal: boolean;
}

export type DataFlow = {
  number: number;
  fromLevel: PartyLevel | null;
  fromOrganisation: string | null;
  toLevel: PartyLevel | null;
  toOrganisation: string | null;
  means: TransferMeans | null;
  frequency: string | null;
  items: DataItem[];
} & Record<FlowFigure, Figure>;

export type Procedure = {
  code: string;
  nameJa: string;
  nameEn: string | null;
  field: string;
  legalBasis: string | null;
  organisations: string | null;
  needsText: string | null;
  constraintLegal: string | null;
  constraintOperational: string | null;
  constraintTechnical: string | null;
  excluded: boolean;
  excludedReason: string | null;
  processKey: string | null;
  asIsDefinitionId: string | null;
  dataFlows: DataFlow[];
  updatedAt?: string;
  updatedBy?: string | null;
} & Record<ProcedureFigure, Figure>;

export interface ProcedureSummary {
  code: string;
  nameJa: string;
  nameEn: string | null;
  field: string;
  excluded: boolean;
  excludedReason: string | null;
  processKey: string | null;
  asIsDefinitionId: string | null;
  levels: PartyLevel[];
  dataFlowCount: number;
  dataItemCount: number;
  volumeNational: Figure;
  residentTrips: Figure;
  clerkMinutes: Figure;
  rekeyedFields: Figure;
  needsScore: Figure;
  feasibilityScore: Figure;
  updatedAt: string;
}

export interface PriorityWeights {
  effect: number;
  needs: number;
  feasibility: number;
  cost: number;
}

export interface PriorityScheme {
  id: string;
  name: string;
  description: string | null;
  weights: PriorityWeights;
  minutesPerTrip: Figure;
  updatedAt?: string;
}

export interface CriterionScore {
  input: number | null;
  normalized: number;
  contribution: number;
}

export interface RankChange {
  criterion: Criterion;
  change: number;
  rank: number;
}

export interface RankStability {
  minRank: number;
  maxRank: number;
  stable: boolean;
  changes: RankChange[];
}

export interface RankedProcedure {
  code: string;
  nameJa: string;
  nameEn: string | null;
  field: string;
  processKey: string | null;
  rank: number;
  score: number;
  criteria: Record<Criterion, CriterionScore>;
  stability: RankStability;
}

export interface UnrankedProcedure {
  code: string;
  nameJa: string;
  field: string;
  excludedReason: string | null;
  missing: string[];
}

export interface ProvenanceShare {
  measured: number;
  published: number;
  estimated: number;
  total: number;
  mostlyEstimated: boolean;
}

export interface Ranking {
  scheme: PriorityScheme;
  ranked: RankedProcedure[];
  unscored: UnrankedProcedure[];
  excluded: UnrankedProcedure[];
  sensitivitySteps: number[];
  basis: ProvenanceShare;
}

export interface FocusEntry {
  code: string;
  nameJa: string;
  field: string;
  rank: number;
  score: number;
  stable: boolean;
}

export interface FocusChoice {
  id: string;
  schemeId: string;
  schemeName: string;
  weights: PriorityWeights;
  procedures: FocusEntry[];
  fields: string[];
  reasoning: string;
  chosenAt: string;
  chosenBy: string | null;
}

export interface WorkbookProblem extends FieldProblem {
  sheet: string;
  row: number;
  column: string;
  header: string | null;
}

export interface ImportSummary {
  procedures: number;
  dataFlows: number;
  dataItems: number;
  added: string[];
  changed: string[];
  removed: string[];
}

export interface ImportResult {
  valid: boolean;
  dryRun: boolean;
  errors: WorkbookProblem[];
  warnings: WorkbookProblem[];
  summary: ImportSummary | null;
}

export interface DraftCreated {
  definitionId: string;
  version: number;
  processKey: string;
  procedureCode: string;
}

const withSignal = (signal?: AbortSignal): RequestInit => (signal ? { signal } : {});
const procedurePath = (code: string) => `/api/inventory/procedures/${encodeURIComponent(code)}`;

export const exportUrl = '/api/inventory/export';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function listProcedures(signal?: AbortSignal): Promise<ProcedureSummary[]> {
  return json<ProcedureSummary[]>('/api/inventory/procedures', withSignal(signal));
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return json<Procedure>(procedurePath(code), withSignal(signal));
}

/** 201/200 with the stored procedure; a 400 throws ApiError listing every problem by JSON path. */
export function saveProcedure(procedure: Procedure, isNew: boolean): Promise<Procedure> {
  return json<Procedure>(isNew ? '/api/inventory/procedures' : procedurePath(procedure.code), {
    method: isNew ? 'POST' : 'PUT',
    body: JSON.stringify(procedure),
  });
}

export async function deleteProcedure(code: string): Promise<void> {
  const response = await send(procedurePath(code), { method: 'DELETE' });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
}

/** 現行フローを作成: saves a draft workflow made from the procedure's data flows. */
export function createAsIsDraft(code: string): Promise<DraftCreated> {
  return json<DraftCreated>(`${procedurePath(code)}/as-is-draft`, { method: 'POST' });
}

/**
 * Sends the workbook as the request body. A dry run answers 200 with every problem; a real import of an invalid
 * workbook answers 400 with the same problems, which come back here as a result with valid = false.
 */
export async function importWorkbook(file: Blob, dryRun: boolean): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(`/api/inventory/import?dryRun=${dryRun ? 'true' : 'false'}`, {
      method: 'POST',
      body: file,
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': xlsxType },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (response.ok) return (await response.json()) as ImportResult;
  if (response.status === 400) {
    const body = (await response.json()) as { errors?: WorkbookProblem[]; warnings?: WorkbookProblem[] };
    return { valid: false, dryRun, errors: body.errors ?? [], warnings: body.warnings ?? [], summary: null };
  }
  throw new ApiError(response.status, await readProblem(response));
}

export function listSchemes(signal?: AbortSignal): Promise<PriorityScheme[]> {
  return json<PriorityScheme[]>('/api/inventory/schemes', withSignal(signal));
}

export function saveScheme(scheme: PriorityScheme, isNew: boolean): Promise<PriorityScheme> {
  return json<PriorityScheme>(isNew ? '/api/inventory/schemes' : `/api/inventory/schemes/${encodeURIComponent(scheme.id)}`, {
    method: isNew ? 'POST' : 'PUT',
    body: JSON.stringify(scheme),
  });
}

export function getRanking(schemeId: string | null, signal?: AbortSignal): Promise<Ranking> {
  return json<Ranking>(`/api/inventory/ranking${schemeId ? `?scheme=${encodeURIComponent(schemeId)}` : ''}`, withSignal(signal));
}

export function listFocusChoices(signal?: AbortSignal): Promise<FocusChoice[]> {
  return json<FocusChoice[]>('/api/inventory/focus', withSignal(signal));
}

export function recordFocusChoice(schemeId: string, procedures: string[], reasoning: string): Promise<FocusChoice> {
  return json<FocusChoice>('/api/inventory/focus', { method: 'POST', body: JSON.stringify({ schemeId, procedures, reasoning }) });
}

/** Coordinators and administrators edit the inventory; evaluators read it. */
export function canEditInventory(roles: readonly string[]): boolean {
  return roles.includes('Coordinator') || roles.includes('Admin');
}
