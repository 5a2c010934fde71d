import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import type { OrganisationEntry, PilotArmDefinition, PilotView } from './api';
import { cycleLengthText, organisationName, scheduleText } from './format';
import { ActiveLabel, ModeBadge } from './parts';
import { nextRuns } from './schedule';
import { formatDateTime } from '../tasks/format';

const dlClass = 'grid grid-cols-1 gap-x-6 gap-y-3 rounded-8 border border-solid-gray-420 bg-white p-6 sm:grid-cols-[minmax(12rem,auto)_1fr]';

function Row({ term, children, testId }: { term: string; children: ReactNode; testId: string }) {
  return (
    <div className="contents">
      <dt className="font-bold">{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The configuration of a pilot, as a list of terms (what the detail page shows above its cycles). */
export function PilotSummary({ pilot, organisations, now }: { pilot: PilotView; organisations: OrganisationEntry[] | null; now: Date }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const config = pilot.configuration;
  const design = config.design;
  const sim = config.simulation;
  // The version the next cycle runs: pinned, or the one published now, which the pilot follows.
  const definition = (processKey: string | null, armName: 'AsIs' | 'ToBe', arm: PilotArmDefinition | null) => {
    if (!arm?.definitionId) return t('pilots.common.none');
    const known = pilot.versions?.find((v) => v.processKey === processKey && v.arm === armName);
    const version = arm.version
      ? t('pilots.detail.pinned', { version: arm.version })
      : known?.publishedVersion
        ? t('pilots.detail.follows', { version: known.publishedVersion })
        : t('pilots.common.publishedVersion');
    return t('pilots.detail.definition', { id: arm.definitionId, version });
  };
  const cron = config.schedule?.cron?.trim();
  const next = cron ? nextRuns(cron, config.schedule?.timeZone ?? 'Asia/Tokyo', now, 1) : null;
  const municipality = (code: string) => organisationName(code, organisations, language);

  return (
    <dl className={dlClass} aria-label={t('pilots.detail.summaryLabel')} data-testid="pilot-summary">
      {config.description && (
        <Row term={t('pilots.detail.description')} testId="summary-description">
          <span className="whitespace-pre-line">{config.description}</span>
        </Row>
      )}
      <Row term={t('pilots.detail.mode')} testId="summary-mode">
        <ModeBadge mode={pilot.mode} />
      </Row>
      <Row term={t('pilots.detail.active')} testId="summary-active">
        <ActiveLabel active={pilot.active} />
      </Row>
      <Row term={t('pilots.detail.processes')} testId="summary-processes">
        <ul className="flex flex-col gap-1">
          {(config.processes ?? []).map((p, i) => (
            <li key={`${p.processKey}-${i}`}>
              <span className="font-bold">{p.processKey}</span>:{' '}
              {t('pilots.detail.processDefinitions', { asIs: definition(p.processKey, 'AsIs', p.asIs), toBe: definition(p.processKey, 'ToBe', p.toBe) })}
              {config.caseSource?.kind !== 'Generator' && p.casesFile && (
                <span className="block text-dns-16N-130 text-solid-gray-700">{t('pilots.detail.casesFile', { file: p.casesFile })}</span>
              )}
            </li>
          ))}
        </ul>
      </Row>
      <Row term={t('pilots.detail.municipalities')} testId="summary-municipalities">
        {(config.municipalities ?? [])
          .map((code) => t('pilots.form.municipalityOption', { name: municipality(code), code }))
          .join(t('pilots.schedule.daySeparator'))}
      </Row>
      <Row term={t('pilots.detail.design')} testId="summary-design">
        {t(`pilots.assignment.${design?.assignment ?? 'BothArms'}`)}
        {design?.assignment === 'Random' && design.seed !== null && <> — {t('pilots.detail.seed', { seed: design.seed })}</>}
        {design?.assignment === 'ByMunicipality' && (
          <ul className="mt-1">
            {Object.entries(design.armByMunicipality ?? {}).map(([code, arm]) => (
              <li key={code}>
                {municipality(code)}: {t(`pilots.arm.${arm}`)}
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row term={t('pilots.detail.casesPerCycle')} testId="summary-cases-per-cycle">
        {t('pilots.detail.casesPerCycleValue', { count: config.casesPerCycle })}
      </Row>
      <Row term={t('pilots.detail.caseSource')} testId="summary-case-source">
        {t(`pilots.caseSource.${config.caseSource?.kind ?? 'Csv'}`)}
        {config.caseSource?.kind === 'Generator' && config.caseSource.seed !== null && <> — {t('pilots.detail.seed', { seed: config.caseSource.seed })}</>}
      </Row>
      <Row term={t('pilots.detail.schedule')} testId="summary-schedule">
        {scheduleText(config.schedule, t)}
        {next?.[0] && pilot.active && (
          <span className="block text-dns-16N-130 text-solid-gray-700">
            {t('pilots.detail.nextRun', { time: formatDateTime(next[0].toISOString(), language) })}
          </span>
        )}
      </Row>
      <Row term={t('pilots.detail.cycleLength')} testId="summary-cycle-length">
        {cycleLengthText(config.cycleLength, t)}
      </Row>
      {pilot.mode === 'Simulated' && (
        <Row term={t('pilots.detail.simulation')} testId="summary-simulation">
          <ul className="flex flex-col gap-1">
            <li>{t('pilots.detail.simulationSeed', { seed: sim?.seed ?? 1 })}</li>
            <li>
              {t('pilots.detail.clerks', { count: sim?.clerkCapacity?.default ?? 2 })}
              {Object.entries(sim?.clerkCapacity?.byOrganisation ?? {}).map(([code, count]) => (
                <span key={code} className="ml-3 whitespace-nowrap">
                  {t('pilots.detail.clerkOf', { name: municipality(code), count })}
                </span>
              ))}
            </li>
            <li>
              {sim?.calendar
                ? t('pilots.detail.ownCalendar', {
                    opensAt: sim.calendar.opensAt ?? '08:30',
                    closesAt: sim.calendar.closesAt ?? '17:15',
                    holidays: sim.calendar.holidays?.length ?? 0,
                  })
                : t('pilots.detail.standardCalendar')}
            </li>
          </ul>
        </Row>
      )}
    </dl>
  );
}
