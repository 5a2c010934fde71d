/** The task (clerk inbox) part of the HTTP API. */
import { ApiError, json, readProblem, send, type OrganisationLevel } from '../api';
import type { CaseField } from './caseValues';

export type TaskStatus = 'Open' | 'Claimed' | 'Completed' | 'Cancelled' | 'Expired';
export type Arm = 'AsIs' | 'ToBe';

export interface TaskSummary {
  id: string;
  title: string;
  status: TaskStatus;
  processKey: string;
  processName: string;
  arm: Arm | null;
  activityId: string;
  instanceId: string;
  caseId: string | null;
  assigneeOrgLevel: OrganisationLevel | string;
  assigneeOrgCode: string;
  assigneeOrgNameJa: string;
  assigneeOrgNameEn: string;
  assigneeRole: string | null;
  createdAt: string;
  claimedAt: string | null;
  claimedBy: string | null;
  claimedByMe: boolean;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
}

export type FormFieldType = 'text' | 'number' | 'date' | 'choice' | 'checkbox';

export interface FormField {
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[] | null;
  /** A number for number fields; an ISO date (yyyy-mm-dd) for date fields. */
  min?: number | string | null;
  max?: number | string | null;
  pattern?: string | null;
}

export interface StandardEffort {
  min: number;
  mode: number;
  max: number;
}

export interface StepMeasurement {
  stepCode: string | null;
  forms: number | null;
  transcribedItems: number | null;
  residentVisits: number | null;
  residentDocuments: number | null;
  standardEffortMinutes: StandardEffort | null;
}

export type FieldValue = string | number | boolean | null;

/** A clerk's task the case waits on after a completion, and the organisation it went to. */
export interface NextTask {
  title: string;
  orgCode: string | null;
  orgNameJa: string | null;
  orgNameEn: string | null;
  role: string | null;
}

export interface NextSteps {
  instanceStatus: string;
  tasks: NextTask[];
}

export interface TaskDetail extends TaskSummary {
  instructions: string | null;
  formFields: FormField[];
  outcomes: string[];
  caseData: Record<string, unknown> | null;
  measurement: StepMeasurement | null;
  activeSeconds: number;
  effortMinutes: number | null;
  outcome: string | null;
  data: Record<string, unknown> | null;
  completedBy: string | null;
  /** The case data under the workflow variables' display names (newer servers). */
  caseFields?: CaseField[];
  /** Only after a completion: where the case went. */
  next?: NextSteps | null;
}

export interface TaskCounts {
  open: number;
  claimed: number;
  overdue: number;
  completed: number;
}

export interface ProcessTitle {
  processKey: string;
  titleJa: string | null;
  titleEn: string | null;
}

export interface TaskList {
  counts: TaskCounts;
  items: TaskSummary[];
  /** How many tasks match (items holds one page of them). */
  total?: number;
  /** Every process of the caller's tasks, by its title: the process filter's choices. */
  processes?: ProcessTitle[];
}

export const inboxPageSize = 50;

export const statusFilters = ['active', 'Open', 'Claimed', 'Completed', 'Cancelled', 'Expired', 'all'] as const;
export type StatusFilter = (typeof statusFilters)[number];
export const dueFilters = ['overdue', 'today', 'week'] as const;
export type DueFilter = (typeof dueFilters)[number];

export type TaskSort = 'due' | '-due';

export interface TaskQuery {
  status?: StatusFilter;
  processKey?: string;
  due?: DueFilter;
  /** Due time latest first ('-due'); the default is earliest first. */
  sort?: TaskSort;
  /** 1-based page of inboxPageSize tasks. */
  page?: number;
}

/** `status`, `processKey`, `due`, `sort`, `page` in that order; defaults and empty values are left out. */
export function taskQueryString(query: TaskQuery): string {
  const params = new URLSearchParams();
  if (query.status && query.status !== 'active') params.set('status', query.status);
  if (query.processKey) params.set('processKey', query.processKey);
  if (query.due) params.set('due', query.due);
  if (query.sort === '-due') params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The request for one page: the address's filters with skip instead of the page number (the server's page is inboxPageSize). */
function taskRequestString(query: TaskQuery): string {
  const params = new URLSearchParams(taskQueryString({ ...query, page: undefined }).slice(1));
  if (query.page && query.page > 1) params.set('skip', String((query.page - 1) * inboxPageSize));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export function listTasks(query: TaskQuery, signal?: AbortSignal): Promise<TaskList> {
  return json<TaskList>(`/api/tasks${taskRequestString(query)}`, signal ? { signal } : {});
}

export function getTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return json<TaskDetail>(taskPath(id), signal ? { signal } : {});
}

export function claimTask(id: string): Promise<TaskDetail> {
  return json<TaskDetail>(`${taskPath(id)}/claim`, { method: 'POST' });
}

export function releaseTask(id: string): Promise<TaskDetail> {
  return json<TaskDetail>(`${taskPath(id)}/release`, { method: 'POST' });
}

export interface CompleteTaskRequest {
  outcome: string | null;
  data: Record<string, FieldValue>;
  effortMinutes: number | null;
}

export function completeTask(id: string, body: CompleteTaskRequest): Promise<TaskDetail> {
  return json<TaskDetail>(`${taskPath(id)}/complete`, { method: 'POST', body: JSON.stringify(body) });
}

/** Adds measured active seconds to the task (204). `keepalive` lets the request outlive the page. */
export async function reportActivity(id: string, activeSeconds: number, keepalive = false): Promise<void> {
  const response = await send(`${taskPath(id)}/activity`, {
    method: 'POST',
    body: JSON.stringify({ activeSeconds }),
    ...(keepalive ? { keepalive: true } : {}),
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
}
