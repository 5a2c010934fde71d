import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api';
import { currentLanguage } from '../i18n';
import type { Arm, TaskStatus, TaskSummary } from './api';
import { formatDateTime, organisationName } from './format';

const badge = 'inline-block rounded-4 border px-2 py-0.5 text-dns-14B-120 whitespace-nowrap';

/** 現行 / 改革後: which arm of the pilot the workflow is. Text, not colour, carries the meaning. */
export function ArmBadge({ arm }: { arm: Arm | null }) {
  const { t } = useTranslation();
  if (arm !== 'AsIs' && arm !== 'ToBe') return null;
  const colours = arm === 'AsIs' ? 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900' : 'border-green-900 bg-green-50 text-green-1100';
  return (
    <span className={`${badge} ${colours}`} data-testid="arm-badge" data-arm={arm}>
      {t(`tasks.arm.${arm}`)}
    </span>
  );
}

/** 「期限超過」: a worded mark next to the red due time. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className={`${badge} border-error-1 bg-red-50 text-error-2`} data-testid="overdue-badge">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="mr-1 inline size-3.5 align-[-2px]" fill="currentColor">
        <path d="M8 1.5 15 14.5H1L8 1.5Zm-.75 5v4h1.5v-4h-1.5Zm0 5v1.5h1.5V11.5h-1.5Z" />
      </svg>
      {t('tasks.overdue')}
    </span>
  );
}

export function StatusLabel({ status }: { status: TaskStatus | string }) {
  const { t } = useTranslation();
  return <>{t(`tasks.status.${status}`, { defaultValue: status })}</>;
}

export function DateTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={iso}>{formatDateTime(iso, currentLanguage(i18n))}</time>;
}

/** The due time: red and marked 「期限超過」 when overdue; 「期限なし」 when there is none. */
export function DueTime({ task, noDueKey }: { task: Pick<TaskSummary, 'dueAt' | 'overdue'>; noDueKey: string }) {
  const { t } = useTranslation();
  if (!task.dueAt) return <span className="text-solid-gray-700">{t(noDueKey)}</span>;
  if (!task.overdue) return <DateTime iso={task.dueAt} />;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-bold text-error-1">
        <DateTime iso={task.dueAt} />
      </span>
      <OverdueBadge />
    </span>
  );
}

export function Assignee({ task }: { task: TaskSummary }) {
  const { i18n } = useTranslation();
  return (
    <>
      <span className="block">{organisationName(task, currentLanguage(i18n))}</span>
      {task.assigneeRole && <span className="block text-solid-gray-700">{task.assigneeRole}</span>}
    </>
  );
}

/** A short reason for a failed call: the problem title, else the HTTP status. */
export function failureReason(error: unknown): string {
  if (error instanceof ApiError) return error.problem?.title ? `HTTP ${error.status}: ${error.problem.title}` : `HTTP ${error.status}`;
  if (error instanceof NetworkError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
