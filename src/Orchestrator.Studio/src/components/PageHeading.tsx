import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1; it also sets the document title. The shell moves focus here on navigation. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} | ${t('app.name')}`;
  }, [title, t]);
  return (
    <h1 id="page-heading" tabIndex={-1} className="text-std-32B-150 text-solid-gray-900 focus:outline-none mb-6">
      {children}
    </h1>
  );
}
