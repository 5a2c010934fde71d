import { useTranslation } from 'react-i18next';
import { ProcedureLink, useProceduresByProcessKey } from '../inventory/ProcedureForProcess';
import { currentLanguage } from '../i18n';
import { useResource } from '../pilots/hooks';
import { DecompositionChart, HandoffHeatTable, ReductionChart, TrendChart } from './charts';
import { formatDateTime } from '../tasks/format';
import { formatNumber, formatPercent, formatYen } from './format';
import {
  filterQuery,
  getEffect,
  getEffort,
  getHandoffs,
  getLeadTime,
  getMethod,
  getProjection,
  getSteps,
  getTrend,
  metrics,
  segments,
  type ReportFilter,
} from './api';
import { ColumnHeads, Definitions, EffectTable, EstimateBanners, Flags, LoadFailed, Section, StepTable, placeName, processName } from './parts';
import { MunicipalityTable, PaybackPanel } from './projection';
import { captureGroups, sourceGroups } from './methodSummary';
import { japaneseOnly, printedDefinitions } from './printText';
import './reports.css';

/** The report's content, shared by the Studio page and the printable 成果報告書 page (which adds the method and effort). */
export function ReportBody({ filter, print = false }: { filter: ReportFilter; print?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const key = filterQuery(filter);
  const effect = useResource((s) => getEffect(filter, s), key);
  const steps = useResource((s) => getSteps(filter, s), key);
  const leadTime = useResource((s) => getLeadTime(filter, s), key);
  const handoffs = useResource((s) => getHandoffs(filter, s), key);
  const trend = useResource((s) => getTrend(filter, s), key);
  const projection = useResource((s) => getProjection(filter, s), key);
  const method = useResource((s) => (print ? getMethod(filter, s) : Promise.resolve(null)), `${key}:${print}`);
  const effort = useResource((s) => (print ? getEffort(filter, s) : Promise.resolve(null)), `${key}:${print}`);
  const name = (p: { processKey: string; title: { ja: string; en: string } | null }) => processName(p.processKey, p.title, language);
  const procedures = useProceduresByProcessKey();
  // On paper in Japanese: the server's texts without their English, file names and the software's own terms.
  const paper = print && language === 'ja';
  const text = (s: string) => (paper ? japaneseOnly(s) : s);
  const definitions = (list: string[]) => (paper ? printedDefinitions(list, t('reports.print.interval')) : list);

  const processNames = new Map((effect.data?.processes ?? []).map((p) => [p.processKey, name(p)]));

  if (effect.error) return <LoadFailed error={effect.error} />;
  if (!effect.data)
    return (
      <p role="status" aria-live="polite">
        {t('reports.loading')}
      </p>
    );
  if (effect.data.processes.length === 0)
    return (
      <p data-testid="reports-empty" className="max-w-3xl">
        {t('reports.empty')}
      </p>
    );

  return (
    <>
      <Section title={t('reports.sections.effect')} testId="section-effect">
        <p className="mb-4 max-w-3xl text-dns-16N-130">
          {t(print ? 'reports.print.effectLead' : 'reports.effect.lead', {
            samples: effect.data.bootstrap.samples,
            seed: effect.data.bootstrap.seed,
            version: effect.data.rates.version,
          })}
        </p>
        {effect.data.scope && (
          <p className="mb-4 max-w-3xl text-dns-16N-130" data-testid="report-scope">
            {t(`reports.scope.${effect.data.scope.mode}`)}
            {effect.data.scope.modeDefaulted ? t('reports.scope.defaulted') : ''}
          </p>
        )}
        {effect.data.processes.map((p) => (
          <article key={p.processKey} className="report-process mb-8" data-testid={`effect-${p.processKey}`}>
            <h3 className="mb-2 text-std-20B-150">{name(p)}</h3>
            <ProcedureLink procedure={procedures.get(p.processKey)} />
            <p className="mb-2" data-testid={`population-${p.processKey}`}>
              {t('reports.effect.population', {
                asIs: p.asIs.n,
                toBe: p.toBe.n,
                live: p.population.live,
                simulated: p.population.simulated,
              })}
            </p>
            <Flags flags={p.flags} />
            {p.interval && p.interval !== 'sampling' && (
              <p className="mb-2 max-w-3xl text-dns-14N-130" data-testid={`interval-${p.processKey}`}>
                {t(`reports.interval.${p.interval}`)}
              </p>
            )}
            <EstimateBanners process={p} />
            {p.delta && <ReductionChart rows={metrics.map((m) => ({ metric: m, delta: p.delta![m] ?? null }))} />}
            <EffectTable process={p} />
          </article>
        ))}
        {/* On paper the method section states every definition once. */}
        {!print && <Definitions definitions={effect.data.definitions} />}
      </Section>

      <Section title={t('reports.sections.steps')} testId="section-steps">
        {steps.error ? (
          <LoadFailed error={steps.error} />
        ) : (
          steps.data?.processes.map((p) => (
            <article key={p.processKey} className="mb-6">
              <h3 className="mb-2 text-std-20B-150">{name(p)}</h3>
              <StepTable steps={p.steps} />
            </article>
          ))
        )}
      </Section>

      <Section title={t('reports.sections.leadTime')} testId="section-leadtime">
        {leadTime.error ? (
          <LoadFailed error={leadTime.error} />
        ) : (
          leadTime.data?.processes.map((p) => (
            <article key={p.processKey} className="mb-6">
              <h3 className="mb-2 text-std-20B-150">{name(p)}</h3>
              <DecompositionChart asIs={p.asIs} toBe={p.toBe} />
              <table className="report-table mt-3">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.leadTime.arm')}</th>
                    {segments.map((s) => (
                      <th key={s} scope="col">
                        {t(`reports.segments.${s}`)}
                      </th>
                    ))}
                    <th scope="col">{t('reports.leadTime.business')}</th>
                    <th scope="col">{t('reports.leadTime.pce')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['asIs', 'toBe'] as const).map((arm) => (
                    <tr key={arm}>
                      <th scope="row">{t(`reports.arms.${arm === 'asIs' ? 'AsIs' : 'ToBe'}`)}</th>
                      {segments.map((s) => (
                        <td key={s}>{formatNumber(p[arm].meanHours[s], language, 2)}</td>
                      ))}
                      <td>{formatNumber(p[arm].leadTimeBusinessHours.mean, language, 2)}</td>
                      <td>{formatPercent(p[arm].processCycleEfficiency, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          ))
        )}
      </Section>

      <Section title={t('reports.sections.handoffs')} testId="section-handoffs">
        {handoffs.error ? (
          <LoadFailed error={handoffs.error} />
        ) : (
          handoffs.data && (
            <div className="flex flex-wrap gap-8">
              <HandoffHeatTable matrix={handoffs.data.allAsIs} caption={t('reports.arms.AsIs')} />
              <HandoffHeatTable matrix={handoffs.data.allToBe} caption={t('reports.arms.ToBe')} />
            </div>
          )
        )}
      </Section>

      <Section title={t('reports.sections.trend')} testId="section-trend">
        {trend.error ? (
          <LoadFailed error={trend.error} />
        ) : (
          trend.data?.processes.map((p) => (
            <article key={p.processKey} className="mb-6">
              <h3 className="mb-2 text-std-20B-150">{name(p)}</h3>
              <TrendChart cycles={p.cycles} caption={`${t('reports.sections.trend')}: ${name(p)}`} />
            </article>
          ))
        )}
      </Section>

      <Section title={t('reports.sections.projection')} testId="section-projection">
        {projection.error ? (
          <LoadFailed error={projection.error} />
        ) : (
          projection.data && (
            <>
              <p className="mb-3 font-bold" data-testid="projection-label">
                {t('reports.projection.label')}
              </p>
              <table className="report-table">
                <ColumnHeads texts="reports.projection" keys={['process', 'area', 'volume', 'hours', 'cost', 'fte', 'visits']} />
                <tbody>
                  {projection.data.processes.flatMap((p) => [
                    ...p.municipalities.map((m) => (
                      <tr key={`${p.processKey}-${m.municipalityCode}`}>
                        <th scope="row">{name(p)}</th>
                        <td className="text-cell">{placeName(m, language)}</td>
                        <td>{formatNumber(m.annualVolume, language, 0)}</td>
                        <td>{formatNumber(m.annual.touchHours, language, 0)}</td>
                        <td>{formatYen(m.annual.costYen, language)}</td>
                        <td>{formatNumber(m.annual.fte, language, 2)}</td>
                        <td>{formatNumber(m.annual.residentVisits, language, 0)}</td>
                      </tr>
                    )),
                    p.nationwide && (
                      <tr key={`${p.processKey}-nation`} data-testid={`projection-nation-${p.processKey}`}>
                        <th scope="row">{name(p)}</th>
                        <td className="text-cell">{t('reports.projection.nationwide', { count: p.nationwide.municipalityCount })}</td>
                        <td>{formatNumber(p.nationwide.annualVolume, language, 0)}</td>
                        <td>{formatNumber(p.nationwide.annual.touchHours, language, 0)}</td>
                        <td>{formatYen(p.nationwide.annual.costYen, language)}</td>
                        <td>{formatNumber(p.nationwide.annual.fte, language, 1)}</td>
                        <td>{formatNumber(p.nationwide.annual.residentVisits, language, 0)}</td>
                      </tr>
                    ),
                  ])}
                </tbody>
              </table>
              {text(projection.data.volumesSource) && (
                <p className="mt-2 text-dns-14N-130">{t('reports.projection.source', { source: text(projection.data.volumesSource) })}</p>
              )}
              {projection.data.processes.map(
                (p) => (p.byMunicipality?.length ?? 0) > 0 && <MunicipalityTable key={`m-${p.processKey}`} title={name(p)} process={p} />,
              )}
              {projection.data.payback && <PaybackPanel payback={projection.data.payback} />}
            </>
          )
        )}
      </Section>

      {print && effort.data && !effort.error && (
        <Section title={t('reports.sections.effort')} testId="section-effort">
          <table className="report-table">
            <ColumnHeads texts="reports.effort" keys={['process', 'arm', 'organisation', 'role', 'tasks', 'touch', 'cost']} />
            <tbody>
              {effort.data.rows.map((r) => (
                <tr key={`${r.processKey}-${r.arm}-${r.orgCode}-${r.role}`}>
                  <td className="text-cell">{processNames.get(r.processKey) ?? r.processKey}</td>
                  <td className="text-cell">{t(`reports.arms.${r.arm}`)}</td>
                  <td className="text-cell">{(language === 'en' ? r.orgNameEn : r.orgNameJa) ?? r.orgCode}</td>
                  <td className="text-cell">{r.role ?? '–'}</td>
                  <td>{r.tasks}</td>
                  <td>{formatNumber(r.touchMinutes, language, 0)}</td>
                  <td>{formatYen(r.costYen, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}

      {print && method.data && !method.error && (
        <Section title={t('reports.sections.method')} testId="section-method">
          <h3 className="mb-2 text-std-20B-150">{t('reports.method.definitions')}</h3>
          <ol className="mb-4 list-decimal pl-6">
            {definitions(method.data.definitions).map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
          <h3 className="mb-2 text-std-20B-150">{t('reports.method.timeCapture')}</h3>
          <table className="report-table mb-4" data-testid="time-capture">
            <ColumnHeads texts="reports.method" keys={['how', 'steps', 'executions', 'simulatedShare']} />
            <tbody>
              {captureGroups(method.data.timeCapture, (c) => text(c.method)).map((g) => (
                <tr key={g.method}>
                  <th scope="row">{g.method}</th>
                  <td>{formatNumber(g.steps, language, 0)}</td>
                  <td>{formatNumber(g.executions, language, 0)}</td>
                  <td>{formatPercent(g.executions > 0 ? g.simulated / g.executions : null, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(method.data.imports?.length ?? 0) > 0 && (
            <>
              <h3 className="mb-2 text-std-20B-150">{t('reports.method.imports')}</h3>
              <ul className="mb-4 list-disc pl-6" data-testid="method-imports">
                {method.data.imports!.map((i) => (
                  <li key={i.id}>
                    {t(print ? 'reports.print.importItem' : 'reports.method.importItem', {
                      kind: t(`reports.method.kinds.${i.kind}`),
                      file: i.fileName,
                      rows: i.rows,
                      at: formatDateTime(i.importedAt, language),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {(method.data.figureSources?.length ?? 0) > 0 && (
            <>
              <h3 className="mb-2 text-std-20B-150">{t('reports.method.figureSources')}</h3>
              <table className="report-table mb-4" data-testid="figure-sources">
                <ColumnHeads texts="reports.method" keys={['figure', 'source', 'steps', 'withBasis']} />
                <tbody>
                  {sourceGroups(method.data.figureSources!, (f) =>
                    t(`reports.figures.${f.figure.startsWith('costs.') ? 'costs' : f.figure}`, { defaultValue: f.figure }),
                  ).map((g) => (
                    <tr key={`${g.figure}-${g.source}`}>
                      <th scope="row">{g.figure}</th>
                      <td className="text-cell">{t(`reports.sources.${g.source}`, { defaultValue: g.source })}</td>
                      <td>{formatNumber(g.steps, language, 0)}</td>
                      <td>{formatNumber(g.withBasis, language, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3 className="mb-2 text-std-20B-150">{t('reports.method.rates', { version: method.data.rates.version })}</h3>
          <ul className="mb-4 list-disc pl-6">
            {method.data.appliedRates.map((r) => (
              <li key={`${r.orgLevel}-${r.role}-${r.validFrom}`}>
                {`${t(`reports.levels.${r.orgLevel}`, { defaultValue: r.orgLevel })} ${r.role ?? t('reports.method.levelDefault')}: ${formatYen(r.hourlyRateJpy, language)}/h — ${text(r.derivation ?? '')}`}
              </li>
            ))}
          </ul>
          <h3 className="mb-2 text-std-20B-150">{t('reports.method.quality')}</h3>
          <ul className="list-disc pl-6" data-testid="data-quality">
            <li>
              {t('reports.method.cases', { cases: method.data.dataQuality.cases, share: formatPercent(method.data.dataQuality.simulatedShare, language) })}
            </li>
            <li>
              {t('reports.method.missing', {
                start: method.data.dataQuality.stepsMissingStart,
                end: method.data.dataQuality.stepsMissingCompletion,
                claim: method.data.dataQuality.tasksMissingClaim,
              })}
            </li>
            <li>
              {t('reports.method.edited', {
                count: method.data.dataQuality.editedEffort,
                share: formatPercent(method.data.dataQuality.editedEffortShare, language),
              })}
            </li>
            <li>{t('reports.method.handoffs', { count: method.data.dataQuality.handoffs, lost: method.data.dataQuality.handoffsNotReceived })}</li>
          </ul>
          <p className="mt-3">{text(method.data.calendar)}</p>
        </Section>
      )}

      <p className="text-dns-14N-130 text-solid-gray-600">{t('reports.generatedAt', { at: formatDateTime(effect.data.generatedAt, language) })}</p>
    </>
  );
}
