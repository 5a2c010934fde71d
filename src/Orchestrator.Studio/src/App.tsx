import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api';
import { Shell } from './components/Shell';
import { DesignerRoutes } from './designer/DesignerRoutes';
import { InventoryArea } from './inventory/InventoryArea';
import { IssuesArea } from './issues/IssuesArea';
import { area, canOpen, type AreaKey } from './nav';
import { AdminPage } from './pages/AdminPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MessagePage } from './pages/MessagePage';
import { PilotsArea } from './pilots/PilotsArea';
import { loginUrlFor } from './returnUrl';
import { PrintReportPage } from './reports/PrintReportPage';
import { ReportsPage } from './reports/ReportsPage';
import { useSession, useUser } from './session';
import { InboxPage } from './tasks/InboxPage';
import { TaskPage } from './tasks/TaskPage';

function Centered({ children }: { children: ReactNode }) {
  return <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-8 text-center">{children}</main>;
}

/** Renders the signed-in shell, or sends the user to the sign-in page (GET /api/me said 401). */
function RequireSession() {
  const { t } = useTranslation();
  const { state, reload } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return (
        <Centered>
          <p role="status">{t('session.loading')}</p>
        </Centered>
      );
    case 'signedOut':
      return <Navigate to={state.signedOutByUser ? '/login' : loginUrlFor(`${location.pathname}${location.search}${location.hash}`)} replace />;
    case 'error': {
      const reason = state.error instanceof ApiError ? `HTTP ${state.error.status}` : state.error.message;
      return (
        <Centered>
          <p role="alert">{t('session.loadFailed', { reason })}</p>
          <button type="button" className="btn-primary" onClick={reload}>
            {t('session.retry')}
          </button>
        </Centered>
      );
    }
    case 'signedIn':
      return <Shell />;
  }
}

/** An area the user's roles do not open shows an explanation instead of the page. */
function RequireArea({ areaKey, children }: { areaKey: AreaKey; children: ReactNode }) {
  const user = useUser();
  return canOpen(area(areaKey), user.roles) ? children : <MessagePage kind="forbidden" />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route
          path="inventory/*"
          element={
            <RequireArea areaKey="inventory">
              <InventoryArea />
            </RequireArea>
          }
        />
        <Route
          path="issues/*"
          element={
            <RequireArea areaKey="issues">
              <IssuesArea />
            </RequireArea>
          }
        />
        <Route
          path="workflows/*"
          element={
            <RequireArea areaKey="workflows">
              <DesignerRoutes />
            </RequireArea>
          }
        />
        <Route
          path="tasks"
          element={
            <RequireArea areaKey="tasks">
              <Outlet />
            </RequireArea>
          }
        >
          <Route index element={<InboxPage />} />
          <Route path=":id" element={<TaskPage />} />
        </Route>
        <Route
          path="pilots/*"
          element={
            <RequireArea areaKey="pilots">
              <PilotsArea />
            </RequireArea>
          }
        />
        <Route
          path="reports"
          element={
            <RequireArea areaKey="reports">
              <Outlet />
            </RequireArea>
          }
        >
          <Route index element={<ReportsPage />} />
          <Route path="print" element={<PrintReportPage />} />
        </Route>
        <Route
          path="admin"
          element={
            <RequireArea areaKey="admin">
              <AdminPage />
            </RequireArea>
          }
        />
        <Route path="*" element={<MessagePage kind="notFound" />} />
      </Route>
    </Routes>
  );
}
