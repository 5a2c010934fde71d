import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { CurrentUser } from '../api';
import { currentLanguage } from '../i18n';
import { knownRoles, navFor } from '../nav';
import { useSession, useUser } from '../session';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { SkipLink, mainContentId } from './SkipLink';

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

/** The signed-in layout: header, main menu, and the page in <main>. */
export function Shell() {
  const location = useLocation();
  const first = useRef(true);

  // After an in-app navigation, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('page-heading')?.focus();
  }, [location.pathname]);

  return (
    <div className="min-h-screen flex flex-col">
      <SkipLink />
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-4 px-4 py-3 md:px-8">
          <Brand />
          <div className="flex flex-wrap items-center gap-4">
            <UserSummary />
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-screen-2xl flex-1 flex-col md:flex-row">
        <div className="border-b border-solid-gray-200 bg-solid-gray-50 md:w-64 md:shrink-0 md:border-b-0 md:border-r md:py-6">
          <MainMenu />
        </div>
        <main id={mainContentId} tabIndex={-1} className="flex-1 px-4 py-8 focus:outline-none md:px-10">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
