import { Route, Routes } from 'react-router';
import { MessagePage } from '../pages/MessagePage';
import { CatalogueListPage } from './CatalogueListPage';
import { ImportPage } from './ImportPage';
import { ProcedureFormPage } from './ProcedureFormPage';
import { ProcedurePage } from './ProcedurePage';
import { RankingPage } from './RankingPage';

/** /inventory: the catalogue, a procedure and its form, the ranking with the focus areas, and the workbook import. */
export function InventoryArea() {
  return (
    <Routes>
      <Route index element={<CatalogueListPage />} />
      <Route path="procedures/new" element={<ProcedureFormPage />} />
      <Route path="procedures/:code" element={<ProcedurePage />} />
      <Route path="procedures/:code/edit" element={<ProcedureFormPage />} />
      <Route path="ranking" element={<RankingPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="*" element={<MessagePage kind="notFound" />} />
    </Routes>
  );
}
