import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api';
import { claimTask, completeTask, getTask, releaseTask, type FormField, type NextSteps, type TaskDetail } from './api';
import { minutesText } from './format';
import { failureReason } from './parts';
import { useActiveTime } from './useActiveTime';
import { collectData, initialValues, mapProblems, type FormValues } from './validation';

export type TaskAlert = { kind: 'claimConflict' | 'alreadyCompleted' | 'forbidden' | 'network' } | { kind: 'unexpected'; reason: string };

export interface SummaryItem {
  key: string;
  message: string;
  /** The id of the control the message belongs to. */
  target: string | null;
}

type FocusTarget = 'summary' | 'success' | 'claim' | 'form' | 'alert';
type Busy = 'claim' | 'release' | 'complete';

/** The items of the error summary, in the order of the form: its fields, the effort, then what belongs to neither. */
function summaryItems(fields: readonly FormField[], fieldErrors: Record<string, string>, effort: string | null, other: readonly string[], ids: ScreenIds) {
  return [
    ...fields.flatMap((field, index) => {
      const message = fieldErrors[field.name];
      return message ? [{ key: field.name, message, target: ids.field(index) }] : [];
    }),
    ...(effort ? [{ key: '$effort', message: effort, target: ids.effort }] : []),
    ...other.map((message, i) => ({ key: `$other-${i}`, message, target: null })),
  ];
}

/** Element ids on the screen: the form's controls, and where focus goes after an action. */
export interface ScreenIds {
  base: string;
  field: (index: number) => string;
  effort: string;
  focus: Record<FocusTarget, string>;
}

/**
 * The task screen's state and what the clerk does on it: load (and reload after a conflict), claim, release and
 * complete with the form's values, the measured active time and the effort. Focus moves to what an action shows.
 */
export function useTaskScreen(id: string) {
  const { t } = useTranslation();
  const base = useId();
  const ids: ScreenIds = {
    base,
    field: (index) => `${base}-field-${index}`,
    effort: `${base}-effort`,
    focus: { summary: `${base}-summary`, success: `${base}-success`, alert: `${base}-alert`, claim: `${base}-claim`, form: `${base}-form` },
  };

  const [task, setTask] = useState<TaskDetail | null>(null);
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'notFound' | 'error'>('loading');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  /** Active seconds the server had when the screen opened; this screen's measurement adds to it. */
  const [baseSeconds, setBaseSeconds] = useState<number | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [effort, setEffort] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [effortError, setEffortError] = useState<string | null>(null);
  const [summary, setSummary] = useState<SummaryItem[] | null>(null);
  const [alert, setAlert] = useState<TaskAlert | null>(null);
  const [notice, setNotice] = useState<'completed' | 'released' | null>(null);
  const [next, setNext] = useState<NextSteps | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);

  const focusNext = useRef<FocusTarget | null>(null);

  const accept = useCallback((detail: TaskDetail) => {
    setBaseSeconds((seconds) => seconds ?? detail.activeSeconds ?? 0);
    setValues((current) => current ?? initialValues(detail.formFields ?? [], detail.data));
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
  const measuredSeconds = (baseSeconds ?? 0) + activeTime.seconds;
  const effortValue = effort ?? minutesText(measuredSeconds);

  // After the render that shows what an action asked to focus (every action ends in a state change).
  const focusIds = ids.focus;
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const element = document.getElementById(focusIds[target]);
    // The form itself is not focusable: its first control is.
    (target === 'form' ? element?.querySelector<HTMLElement>('input, select, textarea') : element)?.focus();
  });

  const show = (next: TaskAlert) => {
    setAlert(next);
    focusNext.current = 'alert';
  };

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 404) setLoadState('notFound');
    else if (error instanceof ApiError && error.status === 403) show({ kind: 'forbidden' });
    else if (error instanceof NetworkError) show({ kind: 'network' });
    else show({ kind: 'unexpected', reason: failureReason(error) });
  };

  const claim = async () => {
    setBusy('claim');
    setAlert(null);
    setNotice(null);
    try {
      accept(await claimTask(id));
      focusNext.current = 'form';
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        show({ kind: 'claimConflict' });
        reload();
      } else failed(error);
    } finally {
      setBusy(null);
    }
  };

  const release = async () => {
    setBusy('release');
    setAlert(null);
    await activeTime.flush();
    try {
      accept(await releaseTask(id));
      setNotice('released');
      focusNext.current = 'claim';
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  const showSummary = (items: SummaryItem[]) => {
    setSummary(items);
    focusNext.current = 'summary';
  };

  const complete = async (outcome: string | null) => {
    if (!task || busy) return;
    setAlert(null);
    setNotice(null);
    const fields = task.formFields ?? [];
    const { data, errors } = collectData(fields, values ?? {}, t);
    const effortNumber = Number(effortValue);
    const effortProblem = effortValue.trim() === '' || !Number.isFinite(effortNumber) || effortNumber < 0 ? t('tasks.task.errors.effort') : null;
    setFieldErrors(errors);
    setEffortError(effortProblem);
    const items = summaryItems(fields, errors, effortProblem, [], ids);
    if (items.length > 0) {
      showSummary(items);
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
      focusNext.current = 'success';
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const problems = mapProblems(error.problem?.errors ?? [], fields);
        setFieldErrors(problems.fields);
        setEffortError(problems.effort);
        const serverItems = summaryItems(fields, problems.fields, problems.effort, problems.other, ids);
        if (serverItems.length === 0) serverItems.push({ key: '$problem', message: error.problem?.detail ?? error.problem?.title ?? 'HTTP 400', target: null });
        showSummary(serverItems);
      } else if (error instanceof ApiError && error.status === 409) {
        show({ kind: 'alreadyCompleted' });
        reload();
      } else failed(error);
    } finally {
      setBusy(null);
    }
  };

  const setValue = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  return {
    ids,
    task,
    loadState,
    loadError,
    reload,
    editable,
    values: values ?? {},
    setValue,
    effortValue,
    setEffort,
    fieldErrors,
    effortError,
    summary,
    alert,
    notice,
    next,
    busy,
    measuredSeconds,
    claim,
    release,
    complete,
  };
}

export type TaskScreenState = ReturnType<typeof useTaskScreen>;
