import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, type FieldProblem } from '../api';
import { PageHeading } from '../components/PageHeading';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { failureReason } from '../tasks/parts';
import {
  actingLevels,
  canEditIssues,
  deleteIssue,
  getIssue,
  issueKinds,
  issuePriorities,
  issueStatuses,
  listProcesses,
  listSteps,
  saveIssue,
  type IssueInput,
  type ReformIssue,
} from './api';

const empty: IssueInput = {
  kind: 'Institutional',
  title: '',
  description: null,
  processKey: null,
  stepCodes: [],
  legalBasis: null,
  countermeasure: null,
  actingLevels: [],
  priority: 'Medium',
  status: 'Open',
};

function inputOf(issue: ReformIssue): IssueInput {
  const { id: _id, updatedAt: _u, updatedBy: _b, history: _h, ...input } = issue;
  return input;
}

function Field({ label, path, problems, children }: { label: string; path: string; problems: FieldProblem[]; children: ReactNode }) {
  const messages = problems.filter((p) => p.path === path || p.path.startsWith(`${path}[`));
  return (
    <div className="flex flex-col gap-1">
      <span className="text-std-16B-170">{label}</span>
      {children}
      {messages.map((m) => (
        <span key={m.path + m.message} className="text-error-2" role="alert">
          {m.message}
        </span>
      ))}
    </div>
  );
}

/** A drop-down over fixed values, each shown by its text under `texts`. */
function ChoiceSelect<T extends string>({
  values,
  texts,
  value,
  onChange,
  width = '',
  testId,
}: {
  values: readonly T[];
  texts: string;
  value: T;
  onChange: (value: T) => void;
  /** A Tailwind max-width class. */
  width?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <select className={`text-input ${width}`.trim()} value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${texts}.${v}`)}
        </option>
      ))}
    </select>
  );
}

/** An issue's form: kind, title, the process and the steps it affects (picked from the workflows), and its history. */
export function IssueFormPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = idParam === undefined ? null : Number(idParam);
  const edit = canEditIssues(useUser().roles);
  const navigate = useNavigate();
  const [input, setInput] = useState<IssueInput>(empty);
  const [issue, setIssue] = useState<ReformIssue | null>(null);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const processes = useResource((signal) => listProcesses(signal), 'processes');

  useEffect(() => {
    if (id === null) return;
    const abort = new AbortController();
    getIssue(id, abort.signal).then(
      (found) => {
        setIssue(found);
        setInput(inputOf(found));
      },
      (error: unknown) => !abort.signal.aborted && setFailure(failureReason(error)),
    );
    return () => abort.abort();
  }, [id]);

  const processSteps = useResource((signal) => (input.processKey ? listSteps(input.processKey, signal) : Promise.resolve([])), `steps:${input.processKey}`);
  // Another process's steps never show while this one's load; a failed load offers none.
  const steps = processSteps.loading || processSteps.error !== null ? [] : (processSteps.data ?? []);

  const set = <K extends keyof IssueInput>(key: K, value: IssueInput[K]) => setInput((current) => ({ ...current, [key]: value }));
  const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  async function onSave(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setProblems([]);
    setFailure(null);
    try {
      const saved = await saveIssue(id, { ...input, note: note || undefined });
      setIssue(saved);
      setNote('');
      if (id === null) navigate(`/issues/${saved.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors) setProblems(error.problem.errors);
      setFailure(failureReason(error));
    } finally {
      setSaving(false);
    }
  }

  async function onDelete() {
    if (id === null || !window.confirm(t('issues.form.deleteConfirm'))) return;
    try {
      await deleteIssue(id);
      navigate('/issues');
    } catch (error) {
      setFailure(failureReason(error));
    }
  }

  const title = t(id === null ? 'issues.form.newTitle' : 'issues.form.editTitle');
  const text = 'text-input w-full max-w-3xl';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-4">
        <Link to="/issues" className="link">
          {t('issues.form.back')}
        </Link>
      </p>
      {failure && (
        <p role="alert" className="mb-4 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="issue-failure">
          {t('issues.form.failed', { reason: failure })}
        </p>
      )}
      <form onSubmit={onSave} className="flex max-w-4xl flex-col gap-5" data-testid="issue-form">
        <fieldset disabled={!edit || saving} className="flex flex-col gap-5">
          <Field label={t('issues.form.kind')} path="$.kind" problems={problems}>
            <ChoiceSelect
              values={issueKinds}
              texts="issues.kind"
              value={input.kind}
              onChange={(kind) => set('kind', kind)}
              width="max-w-60"
              testId="issue-kind"
            />
          </Field>
          <Field label={t('issues.form.title')} path="$.title" problems={problems}>
            <input className={text} value={input.title} onChange={(e) => set('title', e.target.value)} data-testid="issue-title" />
          </Field>
          <Field label={t('issues.form.description')} path="$.description" problems={problems}>
            <textarea className={text} rows={3} value={input.description ?? ''} onChange={(e) => set('description', e.target.value)} />
          </Field>
          <Field label={t('issues.form.process')} path="$.processKey" problems={problems}>
            <select
              className="text-input max-w-96"
              value={input.processKey ?? ''}
              data-testid="issue-process"
              onChange={(e) => setInput((c) => ({ ...c, processKey: e.target.value || null, stepCodes: [] }))}
            >
              <option value="">{t('issues.form.noProcess')}</option>
              {(processes.data ?? []).map((p) => (
                <option key={p.processKey} value={p.processKey}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          {steps.length > 0 && (
            <Field label={t('issues.form.steps')} path="$.stepCodes" problems={problems}>
              <span className="text-solid-gray-700">{t('issues.form.stepsHint')}</span>
              <div className="grid gap-1 sm:grid-cols-2" data-testid="issue-steps">
                {steps.map((s) => (
                  <label key={s.stepCode} className="inline-flex items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-5"
                      checked={input.stepCodes.includes(s.stepCode)}
                      onChange={() => set('stepCodes', toggle(input.stepCodes, s.stepCode))}
                    />
                    <span className="font-mono">{s.stepCode}</span> {s.name}
                  </label>
                ))}
              </div>
            </Field>
          )}
          <Field label={t('issues.form.legalBasis')} path="$.legalBasis" problems={problems}>
            <input className={text} value={input.legalBasis ?? ''} onChange={(e) => set('legalBasis', e.target.value)} />
          </Field>
          <Field label={t('issues.form.countermeasure')} path="$.countermeasure" problems={problems}>
            <textarea className={text} rows={3} value={input.countermeasure ?? ''} onChange={(e) => set('countermeasure', e.target.value)} />
          </Field>
          <Field label={t('issues.form.acting')} path="$.actingLevels" problems={problems}>
            <div className="flex flex-wrap gap-4">
              {actingLevels.map((l) => (
                <label key={l} className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-5"
                    checked={input.actingLevels.includes(l)}
                    onChange={() => set('actingLevels', toggle(input.actingLevels, l))}
                  />
                  {t(`issues.level.${l}`)}
                </label>
              ))}
            </div>
          </Field>
          <div className="flex flex-wrap gap-6">
            <Field label={t('issues.form.priority')} path="$.priority" problems={problems}>
              <ChoiceSelect values={issuePriorities} texts="issues.priority" value={input.priority} onChange={(priority) => set('priority', priority)} />
            </Field>
            <Field label={t('issues.form.status')} path="$.status" problems={problems}>
              <ChoiceSelect
                values={issueStatuses}
                texts="issues.status"
                value={input.status}
                onChange={(status) => set('status', status)}
                testId="issue-status"
              />
            </Field>
          </div>
          {edit && (
            <Field label={t('issues.form.note')} path="$.note" problems={problems}>
              <input className={text} value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
          )}
        </fieldset>
        {edit && (
          <div className="flex gap-3">
            <button type="submit" className="btn-primary" disabled={saving} data-testid="issue-save">
              {t(saving ? 'issues.form.saving' : 'issues.form.save')}
            </button>
            {id !== null && (
              <button type="button" className="btn-secondary" onClick={onDelete}>
                {t('issues.form.delete')}
              </button>
            )}
          </div>
        )}
      </form>
      {issue && issue.history.length > 0 && (
        <section className="mt-8 max-w-4xl">
          <h2 className="mb-2 text-std-20B-150">{t('issues.form.history')}</h2>
          <ol className="flex flex-col gap-1" data-testid="issue-history">
            {issue.history.map((c, n) => (
              <li key={n}>
                {new Date(c.at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })} {c.by ?? ''} — {t(`issues.status.${c.status}`)}: {c.summary}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
