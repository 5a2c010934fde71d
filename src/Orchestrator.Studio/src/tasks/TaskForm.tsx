import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from './api';
import { formatClock } from './format';
import { Section } from './Section';
import { TaskField } from './TaskField';
import type { SummaryItem, TaskScreenState } from './useTaskScreen';

/** Outcomes the clerk never chooses: the workflow takes them by itself. */
const hiddenOutcomes = new Set(['expired']);

const onSubmit = (event: FormEvent<HTMLFormElement>) => {
  // Only an outcome button completes the task; Enter in a field must not pick an outcome.
  event.preventDefault();
};

/** The error summary's line for one item: a link that moves focus to its control, or plain text. */
function SummaryLine({ item }: { item: SummaryItem }) {
  const target = item.target;
  if (!target) return <>{item.message}</>;
  return (
    <a
      href={`#${target}`}
      className="link text-error-2"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {item.message}
    </a>
  );
}

/** The claimed task's form: the error summary, the fields, the measured time with the effort, and one button per outcome. */
export function TaskForm({ task, screen }: { task: TaskDetail; screen: TaskScreenState }) {
  const { t } = useTranslation();
  const { ids, summary, values, setValue, fieldErrors, effortValue, effortError, busy, measuredSeconds } = screen;
  const fields = task.formFields ?? [];
  const outcomes = (task.outcomes ?? []).filter((o) => !hiddenOutcomes.has(o.trim().toLowerCase()));
  const effortId = ids.effort;
  return (
    <Section title={t('tasks.task.form')} testId="task-form-section">
      <p className="mb-4">{t('tasks.task.formLead')}</p>
      {summary && (
        <div
          id={ids.focus.summary}
          tabIndex={-1}
          role="alert"
          aria-labelledby={`${ids.base}-summary-heading`}
          className="mb-6 rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-solid-gray-900"
          data-testid="task-error-summary"
        >
          <h3 id={`${ids.base}-summary-heading`} className="mb-2 text-std-17B-170 text-error-2">
            {t('tasks.task.errorSummary')}
          </h3>
          <ul className="list-disc pl-6">
            {summary.map((item) => (
              <li key={item.key}>
                <SummaryLine item={item} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <form id={ids.focus.form} noValidate onSubmit={onSubmit} aria-busy={busy === 'complete'} data-testid="task-form" className="flex flex-col gap-6">
        {fields.map((field, index) => (
          <TaskField
            key={field.name}
            field={field}
            id={ids.field(index)}
            value={values[field.name] ?? (field.type === 'checkbox' ? false : '')}
            error={fieldErrors[field.name] ?? null}
            onChange={(value) => setValue(field.name, value)}
          />
        ))}

        <div className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
          <div className="flex flex-wrap items-baseline gap-3">
            <span id={`${ids.base}-timer-label`} className="text-std-17B-170 text-solid-gray-900">
              {t('tasks.task.timer')}
            </span>
            <span role="timer" aria-labelledby={`${ids.base}-timer-label`} className="text-mono-17B-150 text-solid-gray-900" data-testid="task-timer">
              {formatClock(measuredSeconds)}
            </span>
            <span className="text-dns-16N-130 text-solid-gray-700">{t('tasks.task.timerHint')}</span>
          </div>
          <div className="flex flex-col gap-2">
            <label htmlFor={effortId} className="text-std-17B-170 text-solid-gray-900">
              {t('tasks.task.effort')}
            </label>
            <p id={`${effortId}-hint`} className="text-dns-16N-130 text-solid-gray-700">
              {t('tasks.task.effortHint')}
            </p>
            <input
              id={effortId}
              name="effortMinutes"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.1"
              className="text-input max-w-48"
              value={effortValue}
              aria-invalid={effortError ? true : undefined}
              aria-describedby={effortError ? `${effortId}-hint ${effortId}-error` : `${effortId}-hint`}
              onChange={(e) => screen.setEffort(e.target.value)}
              data-testid="effort-minutes"
            />
            {effortError && (
              <p id={`${effortId}-error`} className="field-error">
                {effortError}
              </p>
            )}
          </div>
        </div>

        <div role="group" aria-labelledby={`${ids.base}-outcomes`} className="flex flex-col gap-2">
          <span id={`${ids.base}-outcomes`} className="text-std-17B-170 text-solid-gray-900">
            {t('tasks.task.outcomes')}
          </span>
          <div className="flex flex-wrap gap-4">
            {(outcomes.length > 0 ? outcomes : [null]).map((outcome, index) => (
              <button
                key={outcome ?? '$complete'}
                type="button"
                className={index === 0 ? 'btn-primary' : 'btn-secondary'}
                disabled={busy !== null}
                onClick={() => void screen.complete(outcome)}
                data-testid={`outcome-${outcome ?? 'complete'}`}
              >
                {outcome === null ? t('tasks.task.complete') : outcome === 'Done' ? t('tasks.task.done') : outcome}
              </button>
            ))}
          </div>
        </div>
        {busy === 'complete' && <p role="status">{t('tasks.task.submitting')}</p>}
      </form>
    </Section>
  );
}
