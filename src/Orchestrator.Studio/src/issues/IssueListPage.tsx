import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { failureReason } from '../tasks/parts';
import { canEditIssues, issueKinds, issueStatuses, issuesExportUrl, listIssues, listProcesses, type ReformIssue } from './api';

const th = 'px-3 py-3 text-std-16B-170 text-solid-gray-900';
const td = 'px-3 py-3';

export function filterIssues(list: readonly ReformIssue[], kind: string, status: string, processKey: string): ReformIssue[] {
  return list.filter((i) => (kind === '' || i.kind === kind) && (status === '' || i.status === status) && (processKey === '' || i.processKey === processKey));
}

/** 課題・対応策: the register filtered by kind, status and process, with the workbook download. */
export function IssueListPage() {
  const { t } = useTranslation();
  const edit = canEditIssues(useUser().roles);
  const issues = useResource((signal) => listIssues({}, signal), 'issues');
  const processes = useResource((signal) => listProcesses(signal), 'processes');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [processKey, setProcessKey] = useState('');
  const names = useMemo(() => new Map((processes.data ?? []).map((p) => [p.processKey, p.name])), [processes.data]);
  const list = issues.data;
  const shown = list ? filterIssues(list, kind, status, processKey) : [];
  const title = t('issues.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-4xl">{t('issues.lead')}</p>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        {edit && (
          <Link to="/issues/new" className="btn-primary" data-testid="issue-new">
            {t('issues.new')}
          </Link>
        )}
        <a href={issuesExportUrl} className="btn-secondary" download data-testid="issues-export">
          {t('issues.export')}
        </a>
        {!edit && <span className="text-solid-gray-700">{t('issues.readOnly')}</span>}
      </div>
      {issues.error !== null && (
        <div role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3">
          <p className="mb-2">{t('issues.loadFailed', { reason: failureReason(issues.error) })}</p>
          <button type="button" className="btn-secondary" onClick={issues.reload}>
            {t('issues.retry')}
          </button>
        </div>
      )}
      {list === null && issues.loading && <p role="status">{t('issues.loading')}</p>}
      {list !== null && (
        <>
          <div className="mb-4 flex flex-wrap items-end gap-4">
            <Choice
              label={t('issues.filter.kind')}
              value={kind}
              onChange={setKind}
              testId="filter-kind"
              options={issueKinds.map((k) => [k, t(`issues.kind.${k}`)])}
            />
            <Choice
              label={t('issues.filter.status')}
              value={status}
              onChange={setStatus}
              testId="filter-status"
              options={issueStatuses.map((s) => [s, t(`issues.status.${s}`)])}
            />
            <Choice
              label={t('issues.filter.process')}
              value={processKey}
              onChange={setProcessKey}
              testId="filter-process"
              options={(processes.data ?? []).map((p) => [p.processKey, p.name])}
            />
            <p className="pb-3 text-solid-gray-700" aria-live="polite" data-testid="issue-count">
              {t('issues.count', { shown: shown.length, total: list.length })}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-6">{t('issues.empty')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[56rem] border-collapse bg-white text-left" data-testid="issues-table">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
                    {(['kind', 'title', 'process', 'legalBasis', 'acting', 'priority', 'status'] as const).map((c) => (
                      <th key={c} scope="col" className={th}>
                        {t(`issues.columns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((i) => (
                    <tr key={i.id} className="border-b border-solid-gray-420 align-top" data-testid={`issue-row-${i.id}`}>
                      <td className={`${td} whitespace-nowrap`}>{t(`issues.kind.${i.kind}`)}</td>
                      <th scope="row" className={`${td} min-w-64 font-normal`}>
                        <Link to={`/issues/${i.id}`} className="link font-bold">
                          {i.title}
                        </Link>
                      </th>
                      <td className={td}>
                        {i.processKey ? (names.get(i.processKey) ?? i.processKey) : ''}
                        {i.stepCodes.length > 0 && <div className="font-mono text-dns-14N-120">{i.stepCodes.join('、')}</div>}
                      </td>
                      <td className={td}>{i.legalBasis ?? ''}</td>
                      <td className={td}>{i.actingLevels.map((l) => t(`issues.level.${l}`)).join('・')}</td>
                      <td className={`${td} whitespace-nowrap`}>{t(`issues.priority.${i.priority}`)}</td>
                      <td className={`${td} whitespace-nowrap`}>{t(`issues.status.${i.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

function Choice({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="flex flex-col gap-1">
      <span className="text-std-16B-170">{label}</span>
      <select className="text-input max-w-72" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('issues.all')}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
