import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CompactTable, compactCell } from '../components/CompactTable';
import { failureReason, DateTime } from '../tasks/parts';
import { getDefinition, listVersions, type DefinitionSummary } from './api';
import { compareDefinitions, isEmptyComparison, type Comparison } from './compare';
import { Dialog } from './Dialog';
import type { JsonObject } from './model';
import { PublishState } from './WorkflowListPage';

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  if (isEmptyComparison(comparison)) return <p data-testid="compare-same">{t('designer.versions.same')}</p>;
  const rows: [string, string[]][] = [
    ['added', comparison.added.map((a) => a.name)],
    ['removed', comparison.removed.map((a) => a.name)],
    ['changed', comparison.changed.map((a) => `${a.name}（${a.members.join('、')}）`)],
    ['moved', comparison.moved.map((a) => a.name)],
    ['connectionsAdded', comparison.connectionsAdded],
    ['connectionsRemoved', comparison.connectionsRemoved],
    ['settings', comparison.settings],
  ];
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-dns-16N-130" data-testid="compare-result">
      {rows
        .filter(([, items]) => items.length > 0)
        .map(([key, items]) => (
          <div key={key} className="contents">
            <dt className="font-bold">{t(`designer.versions.diff.${key}`)}</dt>
            <dd>{items.join('、')}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * The definition's versions, newest first: open one (read-only unless it is the latest), compare it with what is on
 * the canvas now, or restore it as a new draft.
 */
export function VersionHistory({
  definitionId,
  current,
  onRestore,
  onClose,
}: {
  definitionId: string;
  current: JsonObject;
  onRestore: (version: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<DefinitionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comparison, setComparison] = useState<{ version: number; result: Comparison } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listVersions(definitionId, abort.signal).then(setVersions, (e: unknown) => !abort.signal.aborted && setError(failureReason(e)));
    return () => abort.abort();
  }, [definitionId]);

  const compare = async (version: number) => {
    try {
      const older = await getDefinition(definitionId, version);
      setComparison({ version, result: compareDefinitions(older, current) });
    } catch (e) {
      setError(failureReason(e));
    }
  };

  return (
    <Dialog title={t('designer.versions.title')} onClose={onClose} wide testId="version-history" returnTo='[data-testid="designer-more"]'>
      {error && (
        <p role="alert" className="mb-3 text-error-1">
          {t('designer.versions.failed', { reason: error })}
        </p>
      )}
      {versions === null && !error && <p role="status">{t('designer.loading')}</p>}
      {versions && (
        <CompactTable
          columns={['version', 'state', 'created', 'actions'].map((key) => ({ key, label: t(`designer.versions.${key}`) }))}
          caption={t('designer.versions.title')}
          ruled
          className="mb-4"
        >
          {versions.map((v) => (
            <tr key={v.version} className="border-b border-solid-gray-420" data-testid={`version-${v.version}`}>
              <td className={compactCell}>
                {t('designer.versionText', { version: v.version })}
                {v.isLatest && <span className="ml-2 text-dns-14N-130">{t('designer.versions.latest')}</span>}
              </td>
              <td className={compactCell}>
                <PublishState published={v.isPublished} publishedAt={v.publishedAt} />
              </td>
              <td className={compactCell}>
                <DateTime iso={v.createdAt} /> {v.createdBy && <span className="text-solid-gray-700">{v.createdBy}</span>}
              </td>
              <td className={`flex flex-wrap gap-3 ${compactCell}`}>
                <Link className="link" to={`/workflows/${encodeURIComponent(definitionId)}?version=${v.version}`} onClick={onClose}>
                  {t('designer.versions.view')}
                </Link>
                <button type="button" className="link" onClick={() => void compare(v.version)}>
                  {t('designer.versions.compare')}
                </button>
                {!v.isLatest && (
                  <button type="button" className="link" onClick={() => onRestore(v.version)}>
                    {t('designer.versions.restore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </CompactTable>
      )}
      {comparison && (
        <section>
          <h3 className="mb-2 text-std-18B-160">{t('designer.versions.compareTitle', { version: comparison.version })}</h3>
          <ComparisonView comparison={comparison.result} />
        </section>
      )}
    </Dialog>
  );
}
