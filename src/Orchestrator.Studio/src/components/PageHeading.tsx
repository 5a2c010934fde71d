import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1; it also sets the document title. The shell moves focus here on navigation. `compact` is for
 * whole-window pages, where the heading shares a line with the page's state.
 */
export function PageHeading({ children, title, compact = false }: { children: ReactNode; title: string; compact?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} | ${t('app.name')}`;
  }, [title, t]);
  return (
    <h1 id="page-heading" tabIndex={-1} className={`text-solid-gray-900 focus:outline-none ${compact ? 'text-std-24B-150' : 'text-std-32B-150 mb-6'}`}>
      {children}
    </h1>
  );
}
