/** The 課題・対応策 register part of the HTTP API. */
import { json, send, ApiError, readProblem } from '../api';

export const issueKinds = ['Institutional', 'Operational', 'Technical', 'Cost'] as const;
export type IssueKind = (typeof issueKinds)[number];
export const issueStatuses = ['Open', 'InDiscussion', 'Resolved', 'Left'] as const;
export type IssueStatus = (typeof issueStatuses)[number];
export const issuePriorities = ['High', 'Medium', 'Low'] as const;
export type IssuePriority = (typeof issuePriorities)[number];
export const actingLevels = ['Municipality', 'Prefecture', 'National'] as const;
export type ActingLevel = (typeof actingLevels)[number];

export interface IssueChange {
  at: string;
  by: string | null;
  status: IssueStatus;
  summary: string;
}

export interface ReformIssue {
  id: number;
  kind: IssueKind;
  title: string;
  description: string | null;
  processKey: string | null;
  stepCodes: string[];
  legalBasis: string | null;
  countermeasure: string | null;
  actingLevels: ActingLevel[];
  priority: IssuePriority;
  status: IssueStatus;
  updatedAt: string;
  updatedBy: string | null;
  history: IssueChange[];
}

export type IssueInput = Omit<ReformIssue, 'id' | 'updatedAt' | 'updatedBy' | 'history'> & { note?: string };

export interface ProcessChoice {
  processKey: string;
  name: string;
}

export interface ProcessStep {
  stepCode: string;
  name: string;
  arms: string[];
  actorOrgLevel: string | null;
  actorRole: string | null;
}

export const issuesExportUrl = '/api/issues/export';

export function canEditIssues(roles: readonly string[]): boolean {
  return roles.includes('Admin') || roles.includes('Coordinator');
}

export function listIssues(filter: { processKey?: string } = {}, signal?: AbortSignal): Promise<ReformIssue[]> {
  const query = filter.processKey ? `?processKey=${encodeURIComponent(filter.processKey)}` : '';
  return json<ReformIssue[]>(`/api/issues${query}`, { signal });
}

export function getIssue(id: number, signal?: AbortSignal): Promise<ReformIssue> {
  return json<ReformIssue>(`/api/issues/${id}`, { signal });
}

export function listProcesses(signal?: AbortSignal): Promise<ProcessChoice[]> {
  return json<ProcessChoice[]>('/api/issues/processes', { signal });
}

export function listSteps(processKey: string, signal?: AbortSignal): Promise<ProcessStep[]> {
  return json<ProcessStep[]>(`/api/issues/processes/${encodeURIComponent(processKey)}/steps`, { signal });
}

export function saveIssue(id: number | null, input: IssueInput): Promise<ReformIssue> {
  return json<ReformIssue>(id === null ? '/api/issues' : `/api/issues/${id}`, {
    method: id === null ? 'POST' : 'PUT',
    body: JSON.stringify(input),
  });
}

export async function deleteIssue(id: number): Promise<void> {
  const response = await send(`/api/issues/${id}`, { method: 'DELETE' });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
}
