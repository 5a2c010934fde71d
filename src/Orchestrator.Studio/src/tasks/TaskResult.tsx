import { useTranslation } from 'react-i18next';
import type { TaskDetail } from './api';
import { formatClock } from './format';
import { DateTime } from './parts';
import { dlClass, Section } from './Section';

function displayValue(value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('tasks.task.yes') : t('tasks.task.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function SubmittedData({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const data = task.data ?? {};
  const fields = task.formFields ?? [];
  const known = new Set(fields.map((f) => f.name));
  const rows: [string, string, unknown][] = [
    ...fields.filter((f) => f.name in data).map((f): [string, string, unknown] => [f.name, f.label || f.name, data[f.name]]),
    ...Object.keys(data)
      .filter((name) => !known.has(name))
      .map((name): [string, string, unknown] => [name, name, data[name]]),
  ];
  if (rows.length === 0) return <p data-testid="task-data">{t('tasks.task.noData')}</p>;
  return (
    <dl className={dlClass} data-testid="task-data">
      {rows.map(([name, label, value]) => (
        <div key={name} className="contents">
          <dt className="font-bold">{label}</dt>
          <dd>{displayValue(value, t)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A finished task (completed, cancelled or expired): its outcome, effort, active time and the data submitted. */
export function TaskResult({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('tasks.task.result')} testId="task-result">
      {task.status === 'Cancelled' && <p className="mb-4">{t('tasks.task.cancelled')}</p>}
      {task.status === 'Expired' && <p className="mb-4">{t('tasks.task.expired')}</p>}
      <dl className={`${dlClass} mb-6`}>
        {task.outcome && (
          <>
            <dt className="font-bold">{t('tasks.task.resultOutcome')}</dt>
            <dd data-testid="task-outcome">{task.outcome === 'Done' ? t('tasks.task.done') : task.outcome}</dd>
          </>
        )}
        {task.effortMinutes !== null && task.effortMinutes !== undefined && (
          <>
            <dt className="font-bold">{t('tasks.task.resultEffort')}</dt>
            <dd data-testid="task-effort">{t('tasks.task.minutes', { value: task.effortMinutes })}</dd>
          </>
        )}
        <dt className="font-bold">{t('tasks.task.resultActive')}</dt>
        <dd data-testid="task-active-time">{formatClock(task.activeSeconds ?? 0)}</dd>
        {task.completedBy && (
          <>
            <dt className="font-bold">{t('tasks.task.resultCompletedBy')}</dt>
            <dd data-testid="task-completed-by">{task.completedBy}</dd>
          </>
        )}
        {task.completedAt && (
          <>
            <dt className="font-bold">{t('tasks.task.resultCompletedAt')}</dt>
            <dd>
              <DateTime iso={task.completedAt} />
            </dd>
          </>
        )}
      </dl>
      <h3 className="mb-2 text-std-20B-150 text-solid-gray-900">{t('tasks.task.resultData')}</h3>
      <SubmittedData task={task} />
    </Section>
  );
}
