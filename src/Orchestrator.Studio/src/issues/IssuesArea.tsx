import { Route, Routes } from 'react-router';
import { MessagePage } from '../pages/MessagePage';
import { IssueFormPage } from './IssueFormPage';
import { IssueListPage } from './IssueListPage';

/** /issues: the 課題・対応策 register, an issue's form with its history. */
export function IssuesArea() {
  return (
    <Routes>
      <Route index element={<IssueListPage />} />
      <Route path="new" element={<IssueFormPage />} />
      <Route path=":id" element={<IssueFormPage />} />
      <Route path="*" element={<MessagePage kind="notFound" />} />
    </Routes>
  );
}
