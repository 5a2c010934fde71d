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

/** The areas behind a role check: each path, the area whose roles open it, and what it shows (an outlet for child routes). */
const guardedAreas: { path: string; areaKey: AreaKey; element: ReactNode; children?: ReactNode }[] = [
  { path: 'inventory/*', areaKey: 'inventory', element: <InventoryArea /> },
  { path: 'issues/*', areaKey: 'issues', element: <IssuesArea /> },
  { path: 'workflows/*', areaKey: 'workflows', element: <DesignerRoutes /> },
  {
    path: 'tasks',
    areaKey: 'tasks',
    element: <Outlet />,
    children: (
      <>
        <Route index element={<InboxPage />} />
        <Route path=":id" element={<TaskPage />} />
      </>
    ),
  },
  { path: 'pilots/*', areaKey: 'pilots', element: <PilotsArea /> },
  {
    path: 'reports',
    areaKey: 'reports',
    element: <Outlet />,
    children: (
      <>
        <Route index element={<ReportsPage />} />
        <Route path="print" element={<PrintReportPage />} />
      </>
    ),
  },
  { path: 'admin', areaKey: 'admin', element: <AdminPage /> },
];

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        {guardedAreas.map(({ path, areaKey, element, children }) => (
          <Route key={path} path={path} element={<RequireArea areaKey={areaKey}>{element}</RequireArea>}>
            {children}
          </Route>
        ))}
        <Route path="*" element={<MessagePage kind="notFound" />} />
      </Route>
    </Routes>
  );
}
