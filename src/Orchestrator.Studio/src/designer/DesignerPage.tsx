import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { useWorkspaceLayout } from '../components/workspace';
import { failureReason } from '../tasks/parts';
import { getDefinition, getDescriptors } from './api';
import { DesignerEditor } from './DesignerEditor';
import { emptyDefinition } from './emptyDefinition';
import type { ActivityDescriptor, JsonObject } from './model';

type Load =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'error'; reason: string }
  | { status: 'ready'; descriptors: ActivityDescriptor[]; definition: JsonObject; key: string };

/** /workflows/new and /workflows/:definitionId[?version=N]: loads the palette and the definition, then the editor. */
export function DesignerPage() {
  const { t } = useTranslation();
  useWorkspaceLayout();
  const navigate = useNavigate();
  const { definitionId } = useParams();
  const [params] = useSearchParams();
  const versionText = params.get('version');
  const version = versionText && /^\d+$/.test(versionText) ? Number(versionText) : undefined;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // A new definition's first save changes the address; the editor already holds it, so it is not loaded again.
  const created = useRef<string | null>(null);

  useEffect(() => {
    if (definitionId && created.current === definitionId) {
      created.current = null;
      return;
    }
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    Promise.all([
      getDescriptors(abort.signal),
      definitionId ? getDefinition(definitionId, version, abort.signal) : Promise.resolve(emptyDefinition(t('designer.newName'))),
    ]).then(
      ([descriptors, definition]) =>
        setLoad({ status: 'ready', descriptors, definition, key: `${definitionId ?? 'new'}:${version ?? 'latest'}:${generation}` }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setLoad({ status: 'notFound' });
        else setLoad({ status: 'error', reason: failureReason(error) });
      },
    );
    return () => abort.abort();
  }, [definitionId, version, generation, t]);

  const onCreated = useCallback(
    (id: string) => {
      created.current = id;
      navigate(`/workflows/${encodeURIComponent(id)}`, { replace: true });
    },
    [navigate],
  );
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  switch (load.status) {
    case 'loading':
      return (
        <>
          <PageHeading title={t('designer.title')}>{t('designer.title')}</PageHeading>
          <p role="status">{t('designer.loading')}</p>
        </>
      );
    case 'notFound':
      return (
        <>
          <PageHeading title={t('designer.notFound')}>{t('designer.notFound')}</PageHeading>
          <p className="mb-4">{t('designer.notFoundBody')}</p>
          <Link className="link" to="/workflows">
            {t('designer.backToList')}
          </Link>
        </>
      );
    case 'error':
      return (
        <>
          <PageHeading title={t('designer.title')}>{t('designer.title')}</PageHeading>
          <div role="alert" className="mb-4 border-l-4 border-error-1 bg-red-50 px-4 py-3">
            <p className="mb-2">{t('designer.loadFailed', { reason: load.reason })}</p>
            <button type="button" className="btn-secondary" onClick={reload}>
              {t('designer.retry')}
            </button>
          </div>
        </>
      );
    case 'ready': {
      const readOnly = version !== undefined && load.definition.isLatest !== true;
      return (
        <ReactFlowProvider key={load.key}>
          <DesignerEditor descriptors={load.descriptors} definition={load.definition} readOnly={readOnly} onCreated={onCreated} onReload={reload} />
        </ReactFlowProvider>
      );
    }
  }
}
