import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { CurrentUser } from '../api';
import { currentLanguage } from '../i18n';
import { knownRoles, navFor } from '../nav';
import { useSession, useUser } from '../session';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { useRememberedPanel } from './rememberedPanel';
import { SkipLink, mainContentId } from './SkipLink';
import { WorkspaceContext } from './workspace';

/** Whether the main menu is shown on the whole-window pages (where it starts folded away). */
export const workspaceMenuKey = 'orchestrator.shell.workspaceMenu';
const menuColumnId = 'main-menu-column';

export function useOrganisationName(user: CurrentUser): string | null {
  const { t, i18n } = useTranslation();
  const org = user.organisation;
  if (!org) return null;
  const name = currentLanguage(i18n) === 'en' ? org.nameEn || org.nameJa : org.nameJa || org.nameEn;
  const level = t(`orgLevel.${org.level}`, { defaultValue: org.level });
  return currentLanguage(i18n) === 'en' ? `${name} (${level})` : `${name}（${level}）`;
}

export function useRoleNames(user: CurrentUser): string {
  const { t } = useTranslation();
  const names = knownRoles(user.roles).map((role) => t(`roles.${role}`));
  return names.length > 0 ? names.join(t('roles.separator')) : t('roles.none');
}

function UserSummary() {
  const { t } = useTranslation();
  const user = useUser();
  const organisation = useOrganisationName(user);
  const roleNames = useRoleNames(user);
  return (
    <section aria-label={t('header.userArea')} className="flex flex-col text-dns-16N-130 text-solid-gray-800 gap-1">
      <span className="text-dns-16B-130 text-solid-gray-900" data-testid="user-display-name">
        {user.displayName}
      </span>
      <span>
        <span className="sr-only">{t('header.organisation')}: </span>
        <span data-testid="user-organisation">{organisation ?? t('header.noOrganisation')}</span>
        <span aria-hidden="true" className="px-2 text-solid-gray-536">
          |
        </span>
        <span className="sr-only">{t('header.role')}: </span>
        <span data-testid="user-roles">{roleNames}</span>
      </span>
    </section>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    await signOut(); // the shell then sends the user to /login
  };
  return (
    <button type="button" className="btn-secondary" onClick={() => void onClick()} disabled={busy} data-testid="sign-out">
      {t('header.signOut')}
    </button>
  );
}

/** On whole-window pages: shows or folds away the main menu (its state is remembered). */
function MenuToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn-secondary !min-h-10 !px-3 !py-1.5"
      aria-expanded={open}
      aria-controls={menuColumnId}
      onClick={onToggle}
      data-testid="menu-toggle"
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M3 5h14M3 10h14M3 15h14" />
      </svg>
      <span>{t('nav.toggle')}</span>
    </button>
  );
}

function MainMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const items = navFor(user.roles);
  return (
    <nav aria-label={t('nav.label')} data-testid="main-menu">
      <ul className="flex flex-col">
        {items.map((item) => (
          <li key={item.key}>
            <NavLink to={item.path} end={item.path === '/'} className="nav-link" data-testid={`nav-${item.key}`}>
              {t(`nav.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The signed-in layout: header, main menu, and the page in <main>. A page that asks for the whole window
 * (useWorkspaceLayout) gets the full width and height below the header, with the main menu folded away behind a
 * button until the user opens it.
 */
export function Shell() {
  const location = useLocation();
  const first = useRef(true);
  const [workspace, setWorkspace] = useState(false);
  const [menuOnWorkspace, setMenuOnWorkspace] = useRememberedPanel(workspaceMenuKey, false);
  const menuShown = !workspace || menuOnWorkspace;

  // After an in-app navigation, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('page-heading')?.focus();
  }, [location.pathname]);

  return (
    <WorkspaceContext.Provider value={setWorkspace}>
      {/* The whole-window layout from 768 px up; narrower, a workspace page scrolls down like any page (no sideways scrolling at 320 px). */}
      <div className={`studio-shell ${workspace ? 'flex min-h-screen flex-col md:h-screen' : 'min-h-screen flex flex-col'}`}>
        <SkipLink />
        <header className="border-b border-solid-gray-420 bg-white">
          <div className={`flex flex-wrap items-center justify-between gap-4 ${workspace ? 'px-3 py-2' : 'mx-auto max-w-screen-2xl px-4 py-3 md:px-8'}`}>
            <div className="flex items-center gap-4">
              {workspace && <MenuToggle open={menuOnWorkspace} onToggle={() => setMenuOnWorkspace(!menuOnWorkspace)} />}
              <Brand />
            </div>
            <div className="flex flex-wrap items-center gap-4">
              <UserSummary />
              <LanguageSwitch />
              <SignOutButton />
            </div>
          </div>
        </header>
        <div
          className={`studio-body ${workspace ? 'flex w-full flex-1 flex-col md:min-h-0 md:flex-row' : 'mx-auto flex w-full max-w-screen-2xl flex-1 flex-col md:flex-row'}`}
        >
          <div
            id={menuColumnId}
            hidden={!menuShown}
            className={`studio-menu-column border-solid-gray-200 bg-solid-gray-50 ${workspace ? 'border-b py-4 md:w-56 md:shrink-0 md:overflow-y-auto md:border-b-0 md:border-r' : 'border-b md:w-64 md:shrink-0 md:border-b-0 md:border-r md:py-6'}`}
          >
            <MainMenu />
          </div>
          <main
            id={mainContentId}
            tabIndex={-1}
            className={workspace ? 'flex min-w-0 flex-1 flex-col px-3 py-2 focus:outline-none md:min-h-0' : 'flex-1 px-4 py-8 focus:outline-none md:px-10'}
          >
            <Outlet />
          </main>
        </div>
      </div>
    </WorkspaceContext.Provider>
  );
}
