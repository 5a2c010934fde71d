import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, cell } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SelectFilter, type FilterOption } from '../components/SelectFilter';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { failureReason } from '../tasks/parts';
import { canEditIssues, issueKinds, issueStatuses, issuesExportUrl, listIssues, listProcesses, type ReformIssue } from './api';

const td = cell;

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
  const withAll = (options: FilterOption[]): FilterOption[] => [{ value: '', label: t('issues.all') }, ...options];

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
        <LoadError message={t('issues.loadFailed', { reason: failureReason(issues.error) })} retryLabel={t('issues.retry')} onRetry={issues.reload} />
      )}
      {list === null && issues.loading && <Loading>{t('issues.loading')}</Loading>}
      {list !== null && (
        <>
          <div className="mb-4 flex flex-wrap items-end gap-4">
            <SelectFilter
              width="max-w-72"
              label={t('issues.filter.kind')}
              value={kind}
              onChange={setKind}
              testId="filter-kind"
              options={withAll(issueKinds.map((k) => ({ value: k, label: t(`issues.kind.${k}`) })))}
            />
            <SelectFilter
              width="max-w-72"
              label={t('issues.filter.status')}
              value={status}
              onChange={setStatus}
              testId="filter-status"
              options={withAll(issueStatuses.map((s) => ({ value: s, label: t(`issues.status.${s}`) })))}
            />
            <SelectFilter
              width="max-w-72"
              label={t('issues.filter.process')}
              value={processKey}
              onChange={setProcessKey}
              testId="filter-process"
              options={withAll((processes.data ?? []).map((p) => ({ value: p.processKey, label: p.name })))}
            />
            <p className="pb-3 text-solid-gray-700" aria-live="polite" data-testid="issue-count">
              {t('issues.count', { shown: shown.length, total: list.length })}
            </p>
          </div>
          {shown.length === 0 ? (
            <EmptyState>{t('issues.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={title}
              testId="issues-table"
              minWidth="min-w-[56rem]"
              columns={(['kind', 'title', 'process', 'legalBasis', 'acting', 'priority', 'status'] as const).map((c) => ({
                key: c,
                label: t(`issues.columns.${c}`),
              }))}
              rows={shown}
              rowKey={(i) => String(i.id)}
              rowProps={(i) => ({ 'data-testid': `issue-row-${i.id}` })}
              renderRow={(i) => (
                <>
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
                </>
              )}
            />
          )}
        </>
      )}
    </>
  );
}
