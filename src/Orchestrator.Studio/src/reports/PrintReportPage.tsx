import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { getCycle, getPilot, listDefinitionChoices, listOrganisations } from '../pilots/api';
import { useResource } from '../pilots/hooks';
import { filterQuery } from './api';
import { readFilter } from './parts';
import { pilotTitle, printConditions } from './printConditions';
import { PrintRunningHeader } from './PrintRunningHeader';
import { ReportBody } from './ReportBody';

/**
 * The printable 成果報告書 page: every report section plus the measurement method, laid out for A4 paper (the print
 * stylesheet drops the Studio's header and menu). The filter is named in words: the pilot, process and municipality by
 * their names, never by id.
 */
export function PrintReportPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params] = useSearchParams();
  const key = filterQuery(readFilter(params));
  const filter = useMemo(() => readFilter(new URLSearchParams(key)), [key]);
  const none = Promise.resolve(null);
  const pilot = useResource((s) => (filter.pilotId ? getPilot(filter.pilotId, s) : none), `pilot:${filter.pilotId ?? ''}`);
  const cycle = useResource((s) => (filter.cycleId ? getCycle(filter.cycleId, s) : none), `cycle:${filter.cycleId ?? ''}`);
  const definitions = useResource((s) => (filter.processKey ? listDefinitionChoices(s) : none), `definitions:${filter.processKey ?? ''}`);
  const organisations = useResource((s) => (filter.municipality ? listOrganisations(s) : none), `organisations:${filter.municipality ?? ''}`);
  const looking = [pilot, cycle, definitions, organisations].some((r) => r.loading);
  const pilotName = pilotTitle(filter, pilot.data, language);
  const title = t('reports.print.title');
  const conditions = printConditions(
    filter,
    { pilot: pilot.data, cycle: cycle.data, definitions: definitions.data, organisations: organisations.data },
    language,
    t,
  );

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
      <PageHeading title={pilotName ? `${title} (${pilotName})` : title}>{title}</PageHeading>
      {pilotName && <PrintRunningHeader text={`${title} — ${pilotName}`} />}
      {!looking && (
        <p className="mb-6" data-testid="print-conditions">
          {conditions.length > 0 ? conditions.join(' / ') : t('reports.print.allCases')}
        </p>
      )}
      <ReportBody filter={filter} print />
    </div>
  );
}
