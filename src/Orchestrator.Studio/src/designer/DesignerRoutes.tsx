import { Route, Routes } from 'react-router';
import { MessagePage } from '../pages/MessagePage';
import { DesignerPage } from './DesignerPage';
import { InstanceListPage } from './InstanceListPage';
import { InstanceViewerPage } from './InstanceViewerPage';
import { WorkflowListPage } from './WorkflowListPage';

/** Everything under /workflows: the list, the designer, a definition's runs and the instance viewer. */
export function DesignerRoutes() {
  return (
    <Routes>
      <Route index element={<WorkflowListPage />} />
      <Route path="new" element={<DesignerPage />} />
      <Route path="instances/:id" element={<InstanceViewerPage />} />
      <Route path=":definitionId" element={<DesignerPage />} />
      <Route path=":definitionId/instances" element={<InstanceListPage />} />
      <Route path="*" element={<MessagePage kind="notFound" />} />
    </Routes>
  );
}
