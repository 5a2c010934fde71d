/** The designer's view of the register: the open issues on each step of a process, for the badges on the cards. */
import { useMemo } from 'react';
import { useResource } from '../components/useResource';
import { listIssues, type ReformIssue } from './api';

export interface StepIssues {
  count: number;
  titles: string[];
}

/** Issues not yet resolved or left, grouped by the step codes they are tied to. */
export function issuesByStep(issues: readonly ReformIssue[]): Map<string, StepIssues> {
  const byStep = new Map<string, StepIssues>();
  for (const issue of issues) {
    if (issue.status === 'Resolved' || issue.status === 'Left') continue;
    for (const code of issue.stepCodes) {
      const entry = byStep.get(code) ?? { count: 0, titles: [] };
      entry.count += 1;
      entry.titles.push(issue.title);
      byStep.set(code, entry);
    }
  }
  return byStep;
}

/** Loads the process's issues once per process key; a failure (or no process key) shows no badges. */
export function useStepIssues(processKey: string): ReadonlyMap<string, StepIssues> {
  const issues = useResource((signal) => (processKey ? listIssues({ processKey }, signal) : Promise.resolve([])), processKey);
  // While another process's issues load, or when they could not be, no badges rather than stale ones.
  const shown = issues.loading || issues.error !== null ? null : issues.data;
  return useMemo(() => issuesByStep(shown ?? []), [shown]);
}
