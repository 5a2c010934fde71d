import { Route, Routes } from 'react-router';
import { MessagePage } from '../pages/MessagePage';
import { CyclePage } from './CyclePage';
import { PilotDetailPage } from './PilotDetailPage';
import { PilotFormPage } from './PilotFormPage';
import { PilotListPage } from './PilotListPage';

/** /pilots: the list, a new pilot, a pilot with its cycles, its form, and one cycle with its instances. */
export function PilotsArea() {
  return (
    <Routes>
      <Route index element={<PilotListPage />} />
      <Route path="new" element={<PilotFormPage />} />
      <Route path=":id" element={<PilotDetailPage />} />
      <Route path=":id/edit" element={<PilotFormPage />} />
      <Route path=":id/cycles/:cycleId" element={<CyclePage />} />
      <Route path="*" element={<MessagePage kind="notFound" />} />
    </Routes>
  );
}
