import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

const tools = [
  { key: 'hangfire', href: '/hangfire' },
  { key: 'scalar', href: '/scalar' },
] as const;

/** Links to the server's own pages; plain anchors, so the browser leaves Studio (full page navigation). */
export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('admin.title')}>{t('admin.title')}</PageHeading>
      <p className="mb-6 max-w-3xl">{t('admin.lead')}</p>
      <ul className="flex max-w-3xl flex-col gap-4">
        {tools.map((tool) => (
          <li key={tool.key} className="rounded-8 border border-solid-gray-420 bg-white p-6">
            <a href={tool.href} className="link text-std-20B-150" data-testid={`admin-${tool.key}`}>
              {t(`admin.${tool.key}`)}
            </a>
            <p className="mt-2">{t(`admin.${tool.key}Desc`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
