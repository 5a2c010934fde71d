import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, NetworkError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { claimTask, completeTask, getTask, releaseTask, type FormField, type NextSteps, type TaskDetail } from './api';
import { CaseData } from './CaseData';
import { NextStepsText } from './NextStepsText';
import { formatClock, minutesText } from './format';
import { ArmBadge, Assignee, DateTime, DueTime, StatusLabel, failureReason } from './parts';
import { useActiveTime } from './useActiveTime';
import { collectData, initialValues, mapProblems, type FormValues } from './validation';

/** Outcomes the clerk never chooses: the workflow takes them by itself. */
const hiddenOutcomes = new Set(['expired']);

type Alert =
  | { kind: 'claimConflict' | 'alreadyCompleted' | 'forbidden' | 'network' }
  | { kind: 'unexpected'; reason: string };

interface SummaryItem {
  key: string;
  message: string;
  /** The id of the control the message belongs to. */
  target: string | null;
}

/** Where "back to the inbox" goes: the inbox with the filters the user came from. */
function useInboxLink(): string {
  const location = useLocation();
  const state = location.state as { inboxSearch?: unknown } | null;
  return typeof state?.inboxSearch === 'string' && state.inboxSearch.startsWith('?') ? `/tasks${state.inboxSearch}` : '/tasks';
}

export function TaskPage() {
  const { id = '' } = useParams();
  return <TaskScreen key={id} id={id} />;
}

function displayValue(value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('tasks.task.yes') : t('tasks.task.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mb-8 max-w-4xl" data-testid={testId}>
      <h2 id={headingId} className="mb-3 text-std-24B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

const dlClass = 'grid grid-cols-1 gap-x-6 gap-y-2 rounded-8 border border-solid-gray-420 bg-white p-6 sm:grid-cols-[minmax(10rem,auto)_1fr]';

function TaskScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const inboxLink = useInboxLink();
  const ids = useId();

  const [task, setTask] = useState<TaskDetail | null>(null);
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'notFound' | 'error'>('loading');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [values, setValues] = useState<FormValues>({});
  const [effort, setEffort] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [effortError, setEffortError] = useState<string | null>(null);
  const [summary, setSummary] = useState<SummaryItem[] | null>(null);
  const [alert, setAlert] = useState<Alert | null>(null);
  const [notice, setNotice] = useState<'completed' | 'released' | null>(null);
  const [next, setNext] = useState<NextSteps | null>(null);
  const [busy, setBusy] = useState<'claim' | 'release' | 'complete' | null>(null);
  const [focusTarget, setFocusTarget] = useState<'summary' | 'success' | 'claim' | 'form' | 'alert' | null>(null);

  /** Active seconds the server had when the screen opened; this screen's measurement adds to it. */
  const baseSeconds = useRef<number | null>(null);
  const valuesReady = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const claimRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const accept = useCallback((detail: TaskDetail) => {
    if (baseSeconds.current === null) baseSeconds.current = detail.activeSeconds ?? 0;
    if (!valuesReady.current) {
      valuesReady.current = true;
      setValues(initialValues(detail.formFields ?? [], detail.data));
    }
    setTask(detail);
    setLoadState('ready');
  }, []);

  // Load (and, after a conflict, reload) the task. A reload keeps the current view until the answer comes.
  useEffect(() => {
    const abort = new AbortController();
    getTask(id, abort.signal).then(accept, (error: unknown) => {
      if (abort.signal.aborted) return;
      if (error instanceof ApiError && error.status === 404) setLoadState('notFound');
      else {
        setLoadError(error);
        setLoadState((s) => (s === 'ready' ? s : 'error'));
      }
    });
    return () => abort.abort();
  }, [id, generation, accept]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const editable = task !== null && task.status === 'Claimed' && task.claimedByMe;
  const activeTime = useActiveTime(id, editable);
  const measuredSeconds = (baseSeconds.current ?? 0) + activeTime.seconds;
  const effortValue = effort ?? minutesText(measuredSeconds);

  useEffect(() => {
    if (focusTarget === null) return;
    const target =
      focusTarget === 'summary'
        ? summaryRef.current
        : focusTarget === 'success'
          ? successRef.current
          : focusTarget === 'alert'
            ? alertRef.current
            : focusTarget === 'claim'
              ? claimRef.current
              : formRef.current?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget, task, summary, alert]);

  const failed = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) {
        setLoadState('notFound');
        return;
      }
      if (error instanceof ApiError && error.status === 403) setAlert({ kind: 'forbidden' });
      else if (error instanceof NetworkError) setAlert({ kind: 'network' });
      else setAlert({ kind: 'unexpected', reason: failureReason(error) });
      setFocusTarget('alert');
    },
    [],
  );

  const claim = useCallback(
    async () => {
      setBusy('claim');
      setAlert(null);
      setNotice(null);
      try {
        accept(await claimTask(id));
        setFocusTarget('form');
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          setAlert({ kind: 'claimConflict' });
          setFocusTarget('alert');
          reload();
        } else failed(error);
      } finally {
        setBusy(null);
      }
    },
    [id, accept, failed, reload],
  );

  const release = async () => {
    setBusy('release');
    setAlert(null);
    await activeTime.flush();
    try {
      accept(await releaseTask(id));
      setNotice('released');
      setFocusTarget('claim');
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  const fieldId = (index: number) => `${ids}-field-${index}`;
  const effortId = `${ids}-effort`;

  const complete = async (outcome: string | null) => {
    if (!task || busy) return;
    setAlert(null);
    setNotice(null);
    const fields = task.formFields ?? [];
    const { data, errors } = collectData(fields, values, t);
    const effortNumber = Number(effortValue);
    const effortProblem = effortValue.trim() === '' || !Number.isFinite(effortNumber) || effortNumber < 0 ? t('tasks.task.errors.effort') : null;
    setFieldErrors(errors);
    setEffortError(effortProblem);
    const items: SummaryItem[] = fields.flatMap((field, index) => {
      const message = errors[field.name];
      return message ? [{ key: field.name, message, target: fieldId(index) }] : [];
    });
    if (effortProblem) items.push({ key: '$effort', message: effortProblem, target: effortId });
    if (items.length > 0) {
      setSummary(items);
      setFocusTarget('summary');
      return;
    }
    setSummary(null);

    setBusy('complete');
    await activeTime.flush();
    try {
      const done = await completeTask(id, { outcome, data, effortMinutes: effortNumber });
      accept(done);
      setNext(done.next ?? null);
      setNotice('completed');
      setFocusTarget('success');
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const problems = mapProblems(error.problem?.errors ?? [], fields);
        setFieldErrors(problems.fields);
        setEffortError(problems.effort);
        const serverItems: SummaryItem[] = [
          ...fields.flatMap((field, index) => {
            const message = problems.fields[field.name];
            return message ? [{ key: field.name, message, target: fieldId(index) }] : [];
          }),
          ...(problems.effort ? [{ key: '$effort', message: problems.effort, target: effortId }] : []),
          ...problems.other.map((message, i) => ({ key: `$other-${i}`, message, target: null })),
        ];
        if (serverItems.length === 0)
          serverItems.push({ key: '$problem', message: error.problem?.detail ?? error.problem?.title ?? 'HTTP 400', target: null });
        setSummary(serverItems);
        setFocusTarget('summary');
      } else if (error instanceof ApiError && error.status === 409) {
        setAlert({ kind: 'alreadyCompleted' });
        setFocusTarget('alert');
        reload();
      } else failed(error);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Only an outcome button completes the task; Enter in a field must not pick an outcome.
    event.preventDefault();
  };

  const title =
    loadState === 'notFound' ? t('tasks.task.notFound') : task && loadState === 'ready' ? task.title : t('tasks.task.title');

  const alertText = (a: Alert): string => {
    switch (a.kind) {
      case 'claimConflict':
        return t('tasks.task.claimConflict');
      case 'alreadyCompleted':
        return t('tasks.task.alreadyCompleted');
      case 'forbidden':
        return t('tasks.task.forbidden');
      case 'network':
        return t('tasks.networkError');
      case 'unexpected':
        return t('tasks.task.unexpected', { reason: a.reason });
    }
  };

  const backLink = (
    <p className="mb-6">
      <Link to={inboxLink} className="link" data-testid="task-back">
        {t('tasks.task.back')}
      </Link>
    </p>
  );

  if (loadState !== 'ready' || !task) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {loadState === 'loading' && (
          <p role="status" data-testid="task-loading">
            {t('tasks.task.loading')}
          </p>
        )}
        {loadState === 'notFound' && (
          <p className="mb-6 max-w-3xl" data-testid="task-not-found">
            {t('tasks.task.notFoundBody')}
          </p>
        )}
        {loadState === 'error' && (
          <div role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="task-load-error">
            <p className="mb-2">{t('tasks.task.loadFailed', { reason: failureReason(loadError) })}</p>
            <button type="button" className="btn-secondary" onClick={reload}>
              {t('tasks.task.retry')}
            </button>
          </div>
        )}
        {backLink}
      </>
    );
  }

  const fields = task.formFields ?? [];
  const outcomes = (task.outcomes ?? []).filter((o) => !hiddenOutcomes.has(o.trim().toLowerCase()));
  const finished = task.status === 'Completed' || task.status === 'Cancelled' || task.status === 'Expired';
  const measurement = task.measurement;
  const measurementRows: [string, ReactNode][] = measurement
    ? ([
        ['stepCode', measurement.stepCode],
        ['forms', measurement.forms],
        ['transcribedItems', measurement.transcribedItems],
        ['residentVisits', measurement.residentVisits],
        ['residentDocuments', measurement.residentDocuments],
        [
          'standardEffort',
          measurement.standardEffortMinutes
            ? t('tasks.task.standardEffortValue', { ...measurement.standardEffortMinutes })
            : null,
        ],
      ] as [string, ReactNode][]).filter(([, value]) => value !== null && value !== undefined && value !== '')
    : [];

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {backLink}

      {notice === 'completed' && (
        <div
          ref={successRef}
          tabIndex={-1}
          role="status"
          className="mb-6 max-w-4xl border-l-4 border-success-1 bg-green-50 px-4 py-3 text-solid-gray-900"
          data-testid="task-success"
        >
          <p className="text-std-17B-170">{t('tasks.task.completed')}</p>
          {next && <NextStepsText next={next} />}
          <Link to={inboxLink} className="link">
            {t('tasks.task.back')}
          </Link>
        </div>
      )}
      {notice === 'released' && (
        <p role="status" className="mb-6 max-w-4xl border-l-4 border-blue-900 bg-blue-50 px-4 py-3" data-testid="task-released">
          {t('tasks.task.released')}
        </p>
      )}
      {alert && (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="mb-6 max-w-4xl border-l-4 border-error-1 bg-red-50 px-4 py-3 text-std-17B-170 text-error-2"
          data-testid="task-alert"
        >
          {alertText(alert)}
        </div>
      )}

      <dl className={`${dlClass} mb-6 max-w-4xl`} aria-label={t('tasks.task.summaryLabel')} data-testid="task-summary">
        <dt className="font-bold">{t('tasks.task.process')}</dt>
        <dd data-testid="task-process">
          <span className="mr-2">{task.processName || task.processKey}</span>
          <ArmBadge arm={task.arm} />
        </dd>
        <dt className="font-bold">{t('tasks.task.status')}</dt>
        <dd data-testid="task-status">
          <StatusLabel status={task.status} />
        </dd>
        <dt className="font-bold">{t('tasks.task.due')}</dt>
        <dd data-testid="task-due">
          <DueTime task={task} noDueKey="tasks.task.noDue" />
        </dd>
        <dt className="font-bold">{t('tasks.task.assignee')}</dt>
        <dd data-testid="task-assignee">
          <Assignee task={task} />
        </dd>
        <dt className="font-bold">{t('tasks.task.created')}</dt>
        <dd>
          <DateTime iso={task.createdAt} />
        </dd>
        {task.status === 'Claimed' && task.claimedBy && (
          <>
            <dt className="font-bold">{t('tasks.task.claimedBy')}</dt>
            <dd data-testid="task-claimed-by">{task.claimedBy}</dd>
          </>
        )}
      </dl>

      {task.status === 'Open' && (
        <div className="mb-8 flex max-w-4xl flex-wrap items-center gap-4">
          <p>{t('tasks.task.claimHint')}</p>
          <button
            ref={claimRef}
            type="button"
            className="btn-primary"
            onClick={() => void claim()}
            disabled={busy !== null}
            data-testid="task-claim"
          >
            {t('tasks.task.claim')}
          </button>
        </div>
      )}
      {task.status === 'Claimed' && !task.claimedByMe && (
        <p className="mb-8 max-w-4xl border-l-4 border-solid-gray-600 bg-solid-gray-50 px-4 py-3" data-testid="task-claimed-by-other">
          {t('tasks.task.claimedByOther', { name: task.claimedBy ?? '—' })}
        </p>
      )}
      {editable && (
        <div className="mb-8">
          <button type="button" className="btn-secondary" onClick={() => void release()} disabled={busy !== null} data-testid="task-release">
            {t('tasks.task.release')}
          </button>
        </div>
      )}

      {task.instructions && task.instructions.trim() !== '' && (
        <Section title={t('tasks.task.instructions')} testId="task-instructions">
          <p className="whitespace-pre-line rounded-8 border border-solid-gray-420 bg-white p-6">{task.instructions}</p>
        </Section>
      )}

      <Section title={t('tasks.task.caseData')} testId="task-case-data">
        <CaseData fields={task.caseFields} data={task.caseData} className={dlClass} />
      </Section>

      {measurementRows.length > 0 && (
        <Section title={t('tasks.task.measurement')} testId="task-measurement">
          <dl className={dlClass}>
            {measurementRows.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-bold">{t(`tasks.task.measurementItems.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Section>
      )}

      {finished ? (
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
      ) : editable ? (
        <Section title={t('tasks.task.form')} testId="task-form-section">
          <p className="mb-4">{t('tasks.task.formLead')}</p>
          {summary && (
            <div
              ref={summaryRef}
              tabIndex={-1}
              role="alert"
              aria-labelledby={`${ids}-summary-heading`}
              className="mb-6 rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-solid-gray-900"
              data-testid="task-error-summary"
            >
              <h3 id={`${ids}-summary-heading`} className="mb-2 text-std-17B-170 text-error-2">
                {t('tasks.task.errorSummary')}
              </h3>
              <ul className="list-disc pl-6">
                {summary.map((item) => (
                  <li key={item.key}>
                    {item.target ? (
                      <a
                        href={`#${item.target}`}
                        className="link text-error-2"
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById(item.target!)?.focus();
                        }}
                      >
                        {item.message}
                      </a>
                    ) : (
                      item.message
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <form ref={formRef} noValidate onSubmit={onSubmit} aria-busy={busy === 'complete'} data-testid="task-form" className="flex flex-col gap-6">
            {fields.map((field, index) => (
              <TaskField
                key={field.name}
                field={field}
                id={fieldId(index)}
                value={values[field.name] ?? (field.type === 'checkbox' ? false : '')}
                error={fieldErrors[field.name] ?? null}
                onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
              />
            ))}

            <div className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
              <div className="flex flex-wrap items-baseline gap-3">
                <span id={`${ids}-timer-label`} className="text-std-17B-170 text-solid-gray-900">
                  {t('tasks.task.timer')}
                </span>
                <span role="timer" aria-labelledby={`${ids}-timer-label`} className="text-mono-17B-150 text-solid-gray-900" data-testid="task-timer">
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
                  onChange={(e) => setEffort(e.target.value)}
                  data-testid="effort-minutes"
                />
                {effortError && (
                  <p id={`${effortId}-error`} className="field-error">
                    {effortError}
                  </p>
                )}
              </div>
            </div>

            <div role="group" aria-labelledby={`${ids}-outcomes`} className="flex flex-col gap-2">
              <span id={`${ids}-outcomes`} className="text-std-17B-170 text-solid-gray-900">
                {t('tasks.task.outcomes')}
              </span>
              <div className="flex flex-wrap gap-4">
                {(outcomes.length > 0 ? outcomes : [null]).map((outcome, index) => (
                  <button
                    key={outcome ?? '$complete'}
                    type="button"
                    className={index === 0 ? 'btn-primary' : 'btn-secondary'}
                    disabled={busy !== null}
                    onClick={() => void complete(outcome)}
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
      ) : null}
    </>
  );
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

interface TaskFieldProps {
  field: FormField;
  id: string;
  value: string | boolean;
  error: string | null;
  onChange: (value: string | boolean) => void;
}

function TaskField({ field, id, value, error, onChange }: TaskFieldProps) {
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    'aria-required': field.required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'data-testid': `field-${field.name}`,
  } as const;
  const requiredTag = field.required && (
    // Not part of the label: the accessible name stays the label; aria-required says it.
    <span className="required-tag" aria-hidden="true">
      {t('tasks.task.required')}
    </span>
  );
  const errorText = error && (
    <p id={errorId} className="field-error" data-testid={`field-error-${field.name}`}>
      {error}
    </p>
  );
  const label = field.label || field.name;

  if (field.type === 'checkbox') {
    return (
      <div className="flex flex-col gap-2">
        <div className="flex items-center gap-3">
          <input
            {...common}
            type="checkbox"
            className="size-6 shrink-0 accent-blue-900"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id} className="text-std-17B-170 text-solid-gray-900">
            {label}
          </label>
          {requiredTag}
        </div>
        {errorText}
      </div>
    );
  }

  const text = typeof value === 'string' ? value : '';
  let control: ReactNode;
  switch (field.type) {
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          step="any"
          className="text-input max-w-64"
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'date':
      control = (
        <input
          {...common}
          type="date"
          className="text-input max-w-64"
          min={typeof field.min === 'string' ? field.min : undefined}
          max={typeof field.max === 'string' ? field.max : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'choice':
      control = (
        <select {...common} className="text-input max-w-xl" value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('tasks.task.choose')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = (
        <input
          {...common}
          type="text"
          className="text-input max-w-xl"
          pattern={field.pattern ?? undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center">
        <label htmlFor={id} className="text-std-17B-170 text-solid-gray-900">
          {label}
        </label>
        {requiredTag}
      </div>
      {control}
      {errorText}
    </div>
  );
}
