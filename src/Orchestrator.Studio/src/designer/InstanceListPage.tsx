import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { SelectFilter } from '../components/SelectFilter';
import { useResource } from '../components/useResource';
import { ArmBadge, DateTime, failureReason } from '../tasks/parts';
import type { Arm } from '../tasks/api';
import { listInstances, listVersions, type DefinitionSummary, type InstanceSummary, type RunKind } from './api';

export const runsPageSize = 50;
const kinds: readonly RunKind[] = ['Test', 'Live', 'Simulated'];

function kindOf(run: InstanceSummary): RunKind {
  return run.simulated ? 'Simulated' : run.pilotId ? 'Live' : 'Test';
}

/**
 * /workflows/:definitionId/instances — a definition's runs, newest first by when they were really started (a
 * simulated run's own times are virtual), filtered by kind (test, live, simulated) and version, a page at a time.
 * The filters and the page live in the address (?kind=&version=&page=).
 */
export function InstanceListPage() {
  const { t } = useTranslation();
  const { definitionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const kind = kinds.find((k) => k === params.get('kind'));
  const versionText = params.get('version');
  const version = versionText && /^[1-9][0-9]*$/.test(versionText) ? Number(versionText) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [versions, setVersions] = useState<DefinitionSummary[]>([]);
  const runs = useResource(
    (signal) => listInstances(definitionId, { kind, version, skip: (page - 1) * runsPageSize, take: runsPageSize }, signal),
    `${definitionId}:${kind ?? ''}:${version ?? ''}:${page}`,
  );
  const result = runs.data;
  // The page shown stays while the next one loads; an earlier failure does not.
  const error = runs.error !== null && !runs.loading ? failureReason(runs.error) : null;

  useEffect(() => {
    const abort = new AbortController();
    listVersions(definitionId, abort.signal).then(setVersions, () => undefined);
    return () => abort.abort();
  }, [definitionId]);

  const change = (name: 'kind' | 'version' | 'page', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: name !== 'page' });
  };

  const title = t('designer.instances.title');
  const pages = result ? Math.max(1, Math.ceil(result.total / runsPageSize)) : 1;
  const first = (page - 1) * runsPageSize + 1;
  return (
    <>
      <p className="mb-1 text-dns-16N-130">
        <Link className="link" to={`/workflows/${encodeURIComponent(definitionId)}`}>
          {t('designer.viewer.openDesigner')}
        </Link>
      </p>
      <PageHeading title={title}>
        {title} <code className="text-std-20N-150">{definitionId}</code>
      </PageHeading>
      <p className="mb-4 max-w-3xl">{t('designer.instances.lead')}</p>
      <section aria-label={t('designer.instances.filters')} className="mb-4 flex flex-wrap items-end gap-4" data-testid="run-filters">
        <SelectFilter
          label={t('designer.instances.kind')}
          value={kind ?? ''}
          options={[{ value: '', label: t('designer.instances.kinds.all') }, ...kinds.map((k) => ({ value: k, label: t(`designer.instances.kinds.${k}`) }))]}
          onChange={(value) => change('kind', value)}
          width="min-w-48"
          testId="run-filter-kind"
        />
        <SelectFilter
          label={t('designer.instances.version')}
          value={version?.toString() ?? ''}
          options={[
            { value: '', label: t('designer.instances.allVersions') },
            ...versions.map((v) => ({ value: String(v.version), label: t('designer.versionText', { version: v.version }) })),
          ]}
          onChange={(value) => change('version', value)}
          width="min-w-40"
          testId="run-filter-version"
        />
      </section>
      {error && (
        <p role="alert" className="mb-4 border-l-4 border-error-1 bg-red-50 px-4 py-3">
          {t('designer.instances.loadFailed', { reason: error })}
        </p>
      )}
      {result === null && !error && <p role="status">{t('designer.loading')}</p>}
      {result && (
        <p role="status" className="mb-2 text-dns-16N-130" data-testid="runs-count">
          {result.total === 0
            ? t('designer.instances.empty')
            : t('designer.instances.range', { first, last: first + result.items.length - 1, total: result.total })}
        </p>
      )}
      {result && result.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="data-table w-full min-w-[48rem] border-collapse bg-white text-left" data-testid="instances-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
                {(['started', 'kind', 'status', 'version', 'correlationId', 'finished'] as const).map((c) => (
                  <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 text-std-16B-170">
                    {t(`designer.instances.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.items.map((i) => (
                <tr key={i.id} className="border-b border-solid-gray-420" data-testid="run-row" data-kind={kindOf(i)}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 font-normal">
                    <Link className="link" to={`/workflows/instances/${encodeURIComponent(i.id)}`}>
                      <DateTime iso={i.recordedAt ?? i.createdAt} />
                    </Link>
                  </th>
                  <td className="whitespace-nowrap px-3 py-2">{t(`designer.instances.kinds.${kindOf(i)}`)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{t(`designer.instanceStatus.${i.status}`, { defaultValue: i.status })}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {t('designer.versionText', { version: i.definitionVersion })} <ArmBadge arm={(i.arm ?? null) as Arm | null} />
                  </td>
                  <td className="px-3 py-2">{i.correlationId ?? '—'}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {i.finishedAt ? <DateTime iso={i.finishedAt} /> : '—'}
                    {i.simulated && i.finishedAt && <span className="ml-1 text-dns-14N-130 text-solid-gray-700">{t('designer.instances.virtual')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result && pages > 1 && (
        <nav aria-label={t('designer.instances.pages')} className="mt-4 flex flex-wrap items-center gap-3" data-testid="runs-pages">
          <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => change('page', String(page - 1))}>
            {t('designer.instances.previous')}
          </button>
          <span data-testid="runs-page">{t('designer.instances.page', { page, pages })}</span>
          <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => change('page', String(page + 1))} data-testid="runs-next">
            {t('designer.instances.next')}
          </button>
        </nav>
      )}
    </>
  );
}
