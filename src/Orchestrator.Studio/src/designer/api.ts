/** The workflow-definition, descriptor and instance part of the HTTP API. */
import { ApiError, json, readProblem, send, type FieldProblem } from '../api';
import type { Arm } from '../tasks/api';
import type { ActivityDescriptor, JsonObject } from './model';

export interface DefinitionSummary {
  id: string;
  definitionId: string;
  version: number;
  name: string;
  description: string | null;
  processKey: string | null;
  arm: Arm | string | null;
  isLatest: boolean;
  isPublished: boolean;
  createdAt: string;
  publishedAt: string | null;
  createdBy: string | null;
  /** In the list of definitions: the version new instances run. */
  publishedVersion?: number | null;
}

export interface SaveResult {
  definition: DefinitionSummary;
  warnings: FieldProblem[];
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

/** A rejected save: the problem's `errors` and `warnings`. */
export class DefinitionRejected extends Error {
  readonly status: number;
  readonly errors: FieldProblem[];
  readonly warnings: FieldProblem[];
  constructor(status: number, title: string, errors: FieldProblem[], warnings: FieldProblem[]) {
    super(title);
    this.name = 'DefinitionRejected';
    this.status = status;
    this.errors = errors;
    this.warnings = warnings;
  }
}

const base = '/api/workflow-definitions';
const definitionPath = (definitionId: string) => `${base}/${encodeURIComponent(definitionId)}`;

function problems(value: unknown): FieldProblem[] {
  return Array.isArray(value)
    ? value.filter((p): p is FieldProblem => typeof p === 'object' && p !== null && typeof p.path === 'string' && typeof p.message === 'string')
    : [];
}

export function listDefinitions(signal?: AbortSignal): Promise<DefinitionSummary[]> {
  return json<DefinitionSummary[]>(base, signal ? { signal } : {});
}

export function getDefinition(definitionId: string, version?: number, signal?: AbortSignal): Promise<JsonObject> {
  const query = version === undefined ? '' : `?version=${version}`;
  return json<JsonObject>(`${definitionPath(definitionId)}${query}`, signal ? { signal } : {});
}

export function listVersions(definitionId: string, signal?: AbortSignal): Promise<DefinitionSummary[]> {
  return json<DefinitionSummary[]>(`${definitionPath(definitionId)}/versions`, signal ? { signal } : {});
}

/** Saves the JSON text as a new draft version; a 400 throws DefinitionRejected with every problem. */
export async function saveDefinition(body: string): Promise<SaveResult> {
  const response = await send(base, { method: 'POST', body });
  if (response.ok) {
    const result = (await response.json()) as Partial<SaveResult>;
    return { definition: result.definition as DefinitionSummary, warnings: problems(result.warnings) };
  }
  if (response.status === 400 && (response.headers.get('content-type') ?? '').includes('json')) {
    const raw = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw new DefinitionRejected(400, typeof raw.title === 'string' ? raw.title : 'HTTP 400', problems(raw.errors), problems(raw.warnings));
  }
  throw new ApiError(response.status, await readProblem(response));
}

export async function validateDefinition(body: string): Promise<ValidationResult> {
  const response = await send(`${base}/validate`, { method: 'POST', body });
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 400 && type.includes('json')) {
    // An unreadable definition: problem details with errors (and perhaps warnings).
    const raw = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const errors = problems(raw.errors);
    return { valid: false, errors: errors.length ? errors : [{ path: '$', message: String(raw.title ?? 'HTTP 400') }], warnings: problems(raw.warnings) };
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  const raw = (await response.json()) as Record<string, unknown>;
  return { valid: raw.valid === true, errors: problems(raw.errors), warnings: problems(raw.warnings) };
}

export function publishDefinition(definitionId: string, version: number): Promise<DefinitionSummary> {
  return json<DefinitionSummary>(`${definitionPath(definitionId)}/publish?version=${version}`, { method: 'POST' });
}

export function getDescriptors(signal?: AbortSignal): Promise<ActivityDescriptor[]> {
  return json<ActivityDescriptor[]>('/api/descriptors/activities', signal ? { signal } : {});
}

export interface StartedInstance {
  id: string;
  status: string;
}

export function startInstance(definitionId: string, version: number | undefined, input: unknown, correlationId?: string): Promise<StartedInstance> {
  const body: Record<string, unknown> = { definitionId };
  if (version !== undefined) body.version = version;
  if (input !== undefined) body.input = input;
  if (correlationId) body.correlationId = correlationId;
  return json<StartedInstance>('/api/workflow-instances', { method: 'POST', body: JSON.stringify(body) });
}

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionVersion: number;
  processKey: string | null;
  arm: string | null;
  status: string;
  correlationId: string | null;
  name: string | null;
  pilotId: string | null;
  caseId: string | null;
  simulated: boolean;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** When the run was started in real time (a simulated run's other times are virtual). */
  recordedAt?: string;
}

export interface OpenBookmark {
  id: string;
  activityId: string;
  activityType: string;
  kind: string;
  name: string | null;
  dueAt: string | null;
  /** What the bookmark carries: for a clerk's task, the assignee (assigneeOrgCode, assigneeRole…). */
  payload?: Record<string, unknown> | null;
}

export interface Incident {
  activityId?: string | null;
  activityType?: string | null;
  message?: string | null;
  at?: string | null;
  [key: string]: unknown;
}

export interface InstanceDetail {
  instance: InstanceSummary;
  variables: Record<string, unknown>;
  bookmarks: OpenBookmark[];
  incidents: Incident[];
  output: string[];
}

export interface TaskMeasures {
  taskId: string;
  status: string;
  queueMinutes: number | null;
  workMinutes: number | null;
  activeMinutes: number;
  effortMinutes: number | null;
  actorId: string | null;
  assigneeOrgCode: string | null;
  assigneeRole: string | null;
}

export interface JournalEntry {
  id: string;
  sequence: number;
  activityId: string;
  activityType: string;
  activityName: string | null;
  status: string;
  outcome: string | null;
  scheduledAt: string;
  startedAt: string | null;
  completedAt: string | null;
  durationSeconds: number | null;
  stepCode: string | null;
  measurement: Record<string, unknown> | null;
  message: string | null;
  task: TaskMeasures | null;
  handoff: { senderOrgLevel?: string | null; receiverOrgLevel?: string | null; channel?: string; latencySeconds?: number | null } | null;
}

const instancePath = (id: string) => `/api/workflow-instances/${encodeURIComponent(id)}`;

export function getInstance(id: string, signal?: AbortSignal): Promise<InstanceDetail> {
  return json<InstanceDetail>(instancePath(id), signal ? { signal } : {});
}

export function getJournal(id: string, signal?: AbortSignal): Promise<JournalEntry[]> {
  return json<JournalEntry[]>(`${instancePath(id)}/journal`, signal ? { signal } : {});
}

export type RunKind = 'Test' | 'Live' | 'Simulated';

export interface RunQuery {
  kind?: RunKind;
  version?: number;
  skip: number;
  take: number;
}

export interface RunPage {
  items: InstanceSummary[];
  /** How many runs match the filters (the server's X-Total-Count). */
  total: number;
}

/** A page of a definition's runs, newest first by their real start time. */
export async function listInstances(definitionId: string, query: RunQuery, signal?: AbortSignal): Promise<RunPage> {
  const params = new URLSearchParams({ definitionId });
  if (query.kind) params.set('kind', query.kind);
  if (query.version !== undefined) params.set('version', String(query.version));
  params.set('skip', String(query.skip));
  params.set('take', String(query.take));
  const response = await send(`/api/workflow-instances?${params.toString()}`, signal ? { signal } : {});
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  const items = (await response.json()) as InstanceSummary[];
  const total = Number(response.headers.get('X-Total-Count'));
  return { items, total: Number.isFinite(total) && response.headers.has('X-Total-Count') ? total : items.length };
}

export function cancelInstance(id: string): Promise<InstanceSummary> {
  return json<InstanceSummary>(`${instancePath(id)}/cancel`, { method: 'POST' });
}

/** The first case of a process's case file, as a test run's input (every column, as text). */
export interface SampleCase {
  processKey: string;
  file: string;
  input: Record<string, string>;
}

export function getSampleCase(processKey: string, signal?: AbortSignal): Promise<SampleCase> {
  return json<SampleCase>(`/api/case-files/sample?processKey=${encodeURIComponent(processKey)}`, signal ? { signal } : {});
}
