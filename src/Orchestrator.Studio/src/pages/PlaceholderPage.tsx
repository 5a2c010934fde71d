import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

export type PlaceholderArea = 'workflows' | 'pilots' | 'reports';

/** An area that is not built yet: says plainly what will be there. */
export function PlaceholderPage({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation();
  const title = t(`placeholder.${area}.title`);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-6" data-testid="placeholder">
        <p className="mb-3 text-std-17B-170 text-solid-gray-900">{t('placeholder.notice')}</p>
        <p>{t(`placeholder.${area}.body`)}</p>
      </div>
    </>
  );
}
