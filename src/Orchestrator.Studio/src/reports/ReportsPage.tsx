import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { exportFormats, exportUrl, filterQuery, type ReportFilter } from './api';
import { Filters } from './Filters';
import { readFilter } from './parts';
import { ReportBody } from './ReportBody';

/** レポート: the effect of the reform as-is vs to-be, with filters, charts, downloads and the printable report. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const key = filterQuery(readFilter(params));
  const filter = useMemo(() => readFilter(new URLSearchParams(key)), [key]);
  const title = t('reports.title');
  const change = (next: ReportFilter) => setParams(new URLSearchParams(filterQuery(next)), { replace: true });

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-3xl">{t('reports.lead')}</p>
      <Filters filter={filter} onChange={change} />
      <nav aria-label={t('reports.downloads.label')} className="no-print mb-8 flex flex-wrap items-center gap-3" data-testid="report-downloads">
        {exportFormats.map((format) => (
          <a key={format} className="btn-secondary" href={exportUrl(format, filter)} download>
            {t(`reports.downloads.${format}`)}
          </a>
        ))}
        <Link className="btn-primary" to={`/reports/print${key}`}>
          {t('reports.print.open')}
        </Link>
      </nav>
      <ReportBody filter={filter} />
    </>
  );
}
