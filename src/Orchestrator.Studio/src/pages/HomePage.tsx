import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { useOrganisationName, useRoleNames } from '../components/Shell';
import { knownRoles } from '../nav';
import { useUser } from '../session';

const axes = ['time', 'cost', 'forms', 'resident'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const organisation = useOrganisationName(user);
  const roleNames = useRoleNames(user);
  const hints = knownRoles(user.roles);

  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.welcome', { name: user.displayName })}</PageHeading>

      <dl className="mb-8 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-8 border border-solid-gray-420 bg-white p-6" data-testid="home-profile">
        <dt className="font-bold">{t('home.yourRole')}</dt>
        <dd data-testid="home-roles">{roleNames}</dd>
        <dt className="font-bold">{t('home.yourOrganisation')}</dt>
        <dd data-testid="home-organisation">{organisation ?? t('header.noOrganisation')}</dd>
      </dl>

      {hints.length > 0 && (
        <ul className="mb-10 flex max-w-3xl flex-col gap-2">
          {hints.map((role) => (
            <li key={role} className="border-l-4 border-blue-900 bg-blue-50 px-4 py-3">
              {t(`home.roleHints.${role}`)}
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="about-heading" className="max-w-3xl">
        <h2 id="about-heading" className="text-std-24B-150 text-solid-gray-900 mb-3">
          {t('home.aboutTitle')}
        </h2>
        <p className="mb-6">{t('home.about')}</p>

        <h3 className="text-std-20B-150 text-solid-gray-900 mb-2">{t('home.armsTitle')}</h3>
        <p className="mb-6">{t('home.arms')}</p>

        <h3 className="text-std-20B-150 text-solid-gray-900 mb-2">{t('home.cyclesTitle')}</h3>
        <p className="mb-6">{t('home.cycles')}</p>

        <h3 className="text-std-20B-150 text-solid-gray-900 mb-2">{t('home.axesTitle')}</h3>
        <p className="mb-3">{t('home.axesLead')}</p>
        <ul className="grid gap-4 sm:grid-cols-2" data-testid="effect-axes">
          {axes.map((axis) => (
            <li key={axis} className="rounded-8 border border-solid-gray-420 bg-white p-4">
              <span className="block text-std-17B-170 text-solid-gray-900">{t(`home.axes.${axis}`)}</span>
              <span className="block text-std-16N-170 text-solid-gray-800">{t(`home.axes.${axis}Desc`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
