import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { ArmBadge, DateTime, failureReason } from '../tasks/parts';
import type { Arm } from '../tasks/api';
import { listInstances, type InstanceSummary } from './api';

/** /workflows/:definitionId/instances — a definition's runs, newest first, each opening the instance viewer. */
export function InstanceListPage() {
  const { t } = useTranslation();
  const { definitionId = '' } = useParams();
  const [list, setList] = useState<InstanceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    listInstances(definitionId, abort.signal).then(setList, (e: unknown) => !abort.signal.aborted && setError(failureReason(e)));
    return () => abort.abort();
  }, [definitionId]);
  const title = t('designer.instances.title');
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
      {error && (
        <p role="alert" className="mb-4 border-l-4 border-error-1 bg-red-50 px-4 py-3">
          {t('designer.instances.loadFailed', { reason: error })}
        </p>
      )}
      {list === null && !error && <p role="status">{t('designer.loading')}</p>}
      {list?.length === 0 && <p data-testid="instances-empty">{t('designer.instances.empty')}</p>}
      {list && list.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left" data-testid="instances-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
                {(['started', 'status', 'version', 'correlationId', 'finished'] as const).map((c) => (
                  <th key={c} scope="col" className="px-3 py-2 text-std-16B-170">
                    {t(`designer.instances.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id} className="border-b border-solid-gray-420">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link className="link" to={`/workflows/instances/${encodeURIComponent(i.id)}`}>
                      <DateTime iso={i.createdAt} />
                    </Link>
                  </th>
                  <td className="px-3 py-2">{t(`designer.instanceStatus.${i.status}`, { defaultValue: i.status })}</td>
                  <td className="px-3 py-2">
                    {t('designer.versionText', { version: i.definitionVersion })} <ArmBadge arm={(i.arm ?? null) as Arm | null} />
                  </td>
                  <td className="px-3 py-2">{i.correlationId ?? '—'}</td>
                  <td className="px-3 py-2">{i.finishedAt ? <DateTime iso={i.finishedAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
