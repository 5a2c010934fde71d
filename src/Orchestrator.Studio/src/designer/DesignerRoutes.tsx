import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { MessagePage } from '../pages/MessagePage';
import { InstanceListPage } from './InstanceListPage';
import { WorkflowListPage } from './WorkflowListPage';

// The diagram pages bring React Flow and dagre; they load when first opened, not with the rest of Studio.
const DesignerPage = lazy(() => import('./DesignerPage').then((m) => ({ default: m.DesignerPage })));
const InstanceViewerPage = lazy(() => import('./InstanceViewerPage').then((m) => ({ default: m.InstanceViewerPage })));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('designer.loading')}</p>;
}

/** Everything under /workflows: the list, the designer, a definition's runs and the instance viewer. */
export function DesignerRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<WorkflowListPage />} />
        <Route path="new" element={<DesignerPage />} />
        <Route path="instances/:id" element={<InstanceViewerPage />} />
        <Route path=":definitionId" element={<DesignerPage />} />
        <Route path=":definitionId/instances" element={<InstanceListPage />} />
        <Route path="*" element={<MessagePage kind="notFound" />} />
      </Routes>
    </Suspense>
  );
}
