import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';

/** Pages that only explain: no permission, or no such page. */
export function MessagePage({ kind }: { kind: 'forbidden' | 'notFound' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t(`${kind}.title`)}>{t(`${kind}.title`)}</PageHeading>
      <p className="mb-6 max-w-3xl" data-testid={kind === 'forbidden' ? 'forbidden' : 'not-found'}>
        {t(`${kind}.body`)}
      </p>
      <Link to="/" className="link">
        {t(`${kind}.back`)}
      </Link>
    </>
  );
}
