import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FieldProblem } from '../api';
import { cell, DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useResource } from '../components/useResource';
import { ArmBadge, DateTime, failureReason } from '../tasks/parts';
import type { Arm } from '../tasks/api';
import { currentLanguage } from '../i18n';
import { DefinitionRejected, listDefinitions, saveDefinition, type DefinitionSummary } from './api';
import { describeProblem } from './problems';

/** The workflow definitions (latest version of each), 新規作成, and import of an Elsa JSON file as a new draft. */
export function WorkflowListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const ids = useId();
  const definitions = useResource((signal) => listDefinitions(signal), 'definitions');
  const list = definitions.data;
  const [importing, setImporting] = useState(false);
  const [importErrors, setImportErrors] = useState<{ title: string; errors: FieldProblem[] } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (importErrors) alertRef.current?.focus();
  }, [importErrors]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportErrors(null);
    setImporting(true);
    try {
      const text = await file.text();
      try {
        JSON.parse(text);
      } catch {
        setImportErrors({ title: t('designer.list.importNotJson', { name: file.name }), errors: [] });
        return;
      }
      const saved = await saveDefinition(text);
      navigate(`/workflows/${encodeURIComponent(saved.definition.definitionId)}`);
    } catch (e) {
      if (e instanceof DefinitionRejected) setImportErrors({ title: t('designer.list.importRejected', { name: file.name }), errors: e.errors });
      else setImportErrors({ title: t('designer.list.importFailed', { reason: failureReason(e) }), errors: [] });
    } finally {
      setImporting(false);
    }
  };

  const title = t('designer.list.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-3xl">{t('designer.list.lead')}</p>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <Link to="/workflows/new" className="btn-primary no-underline" data-testid="workflow-new">
          {t('designer.list.new')}
        </Link>
        <button type="button" className="btn-secondary" onClick={() => fileRef.current?.click()} disabled={importing} aria-describedby={`${ids}-import-hint`}>
          {importing ? t('designer.list.importing') : t('designer.list.import')}
        </button>
        <span id={`${ids}-import-hint`} className="text-dns-16N-130 text-solid-gray-700">
          {t('designer.list.importHint')}
        </span>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          tabIndex={-1}
          aria-label={t('designer.list.import')}
          onChange={(e) => void onFile(e)}
          disabled={importing}
          data-testid="workflow-import"
        />
      </div>

      {importErrors && (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3 text-solid-gray-900"
          data-testid="import-errors"
        >
          <p className="font-bold">{importErrors.title}</p>
          {importErrors.errors.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {importErrors.errors.map((p, i) => (
                <li key={i}>
                  {describeProblem(p.message)[currentLanguage(i18n)]} <code className="text-mono-14N-150">{p.path}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {definitions.error !== null && (
        <LoadError
          message={t('designer.list.loadFailed', { reason: failureReason(definitions.error) })}
          retryLabel={t('designer.list.retry')}
          onRetry={definitions.reload}
          testId="workflows-error"
        />
      )}

      {list === null && definitions.error === null && <Loading testId="workflows-loading">{t('designer.list.loading')}</Loading>}

      {list !== null &&
        (list.length === 0 ? (
          <EmptyState testId="workflows-empty">{t('designer.list.empty')}</EmptyState>
        ) : (
          <DataTable
            caption={t('designer.list.caption')}
            columns={(['name', 'processKey', 'arm', 'version', 'state', 'created', 'runs'] as const).map((key) => ({
              key,
              label: t(`designer.list.columns.${key}`),
            }))}
            rows={list}
            rowKey={(d) => d.definitionId}
            rowProps={(d) => ({ 'data-testid': `workflow-row-${d.definitionId}` })}
            renderRow={(d) => <WorkflowRow definition={d} />}
            minWidth="min-w-[48rem]"
            testId="workflows-table"
          />
        ))}
    </>
  );
}

function WorkflowRow({ definition: d }: { definition: DefinitionSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="row" className={`${cell} font-normal`}>
        <Link to={`/workflows/${encodeURIComponent(d.definitionId)}`} className="link font-bold">
          {d.name}
        </Link>
        {d.description && <span className="block text-dns-16N-130 text-solid-gray-700">{d.description}</span>}
      </th>
      <td className={`${cell} whitespace-nowrap font-mono text-dns-16N-130`}>{d.processKey ?? '—'}</td>
      <td className={cell}>
        <ArmBadge arm={(d.arm ?? null) as Arm | null} />
      </td>
      <td className={`${cell} whitespace-nowrap`}>{t('designer.list.versionText', { version: d.version })}</td>
      <td className={cell} data-testid="workflow-state">
        <PublishState published={d.isPublished} publishedAt={d.publishedAt} />
        {!d.isPublished && d.publishedVersion != null && (
          <span className="mt-1 block whitespace-nowrap text-dns-14N-130 text-solid-gray-700" data-testid="workflow-published-version">
            {t('designer.publishedVersionNote', { version: d.publishedVersion })}
          </span>
        )}
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <DateTime iso={d.createdAt} />
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <Link to={`/workflows/${encodeURIComponent(d.definitionId)}/instances`} className="link">
          {t('designer.list.runsLink')}
        </Link>
      </td>
    </>
  );
}

/** 公開中 / 以前の公開版 (published once, replaced since) / 下書き, in words. */
export function PublishState({ published, publishedAt = null }: { published: boolean; publishedAt?: string | null }) {
  const { t } = useTranslation();
  const state = published ? 'published' : publishedAt ? 'earlier' : 'draft';
  return (
    <span
      className={`inline-block rounded-4 border px-2 py-0.5 text-dns-14B-120 whitespace-nowrap ${
        published ? 'border-blue-900 bg-blue-50 text-blue-1000' : 'border-solid-gray-600 bg-white text-solid-gray-800'
      }`}
      data-testid="publish-state"
      data-published={published ? 'true' : 'false'}
      data-state={state}
    >
      {state === 'published' ? t('designer.published') : state === 'earlier' ? t('designer.earlierPublished') : t('designer.draft')}
    </span>
  );
}
