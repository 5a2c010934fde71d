import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { filterKeys, filterQuery } from './api';
import { readFilter } from './parts';
import { ReportBody } from './ReportBody';

/** The printable 成果報告書 page: every report section plus the measurement method, laid out for paper. */
export function PrintReportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const key = filterQuery(readFilter(params));
  const filter = useMemo(() => readFilter(new URLSearchParams(key)), [key]);
  const title = t('reports.print.title');
  const conditions = filterKeys.filter((k) => filter[k]).map((k) => `${t(`reports.filters.${k}`)}: ${filter[k]}`);

  return (
    <div className="print-report">
      <div className="no-print mb-6 flex gap-3">
        <Link className="btn-secondary" to={`/reports${key}`}>
          {t('reports.print.back')}
        </Link>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          {t('reports.print.print')}
        </button>
      </div>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6" data-testid="print-conditions">
        {conditions.length > 0 ? conditions.join(' / ') : t('reports.print.allCases')}
      </p>
      <ReportBody filter={filter} print />
    </div>
  );
}
