import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { currentLanguage } from '../i18n';
import { formatMetric, formatNumber, formatPercent, formatYen } from './format';
import {
  axes,
  filterKeys,
  modes,
  sources,
  versionChoices,
  type EffectProcess,
  type Metric,
  type ProcessTitle,
  type ProvenanceShares,
  type ReportFilter,
  type StepComparison,
} from './api';

export function processName(key: string, title: ProcessTitle | null, language: string): string {
  return title ? (language === 'en' ? title.en : title.ja) : key;
}

/** A municipality in the reader's language; the code when the data has no name for it. */
export function placeName(place: { municipalityCode: string | null; nameJa: string | null; nameEn?: string | null }, language: string): string {
  const name = language === 'en' ? place.nameEn || place.nameJa : place.nameJa || place.nameEn;
  return name || place.municipalityCode || '–';
}

/** A report table's header row: a column heading for each key, its text under `texts`. */
export function ColumnHeads({ texts, keys }: { texts: string; keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {keys.map((key) => (
          <th key={key} scope="col">
            {t(`${texts}.${key}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = error instanceof ApiError ? `HTTP ${error.status} ${error.problem?.title ?? ''}` : String(error);
  return (
    <p role="alert" className="text-error-1">
      {t('reports.loadFailed', { reason })}
    </p>
  );
}

/** The filters live in the address, so a filtered report can be bookmarked and printed. */
export function readFilter(params: URLSearchParams): ReportFilter {
  const filter: ReportFilter = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'mode') {
      if ((modes as readonly string[]).includes(value)) filter.mode = value as ReportFilter['mode'];
    } else if (key === 'versions') {
      if ((versionChoices as readonly string[]).includes(value)) filter.versions = value as ReportFilter['versions'];
    } else filter[key] = value;
  }
  return filter;
}

export function Flags({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <ul className="mb-3 flex flex-wrap gap-2" data-testid="effect-flags">
      {flags.map((f) => (
        <li key={f} className="rounded-4 border border-warning-yellow-2 bg-warning-yellow-1/20 px-2 py-1 text-dns-14N-130">
          {t(`reports.flags.${f}`, { defaultValue: f })}
        </li>
      ))}
    </ul>
  );
}

/**
 * The 「推計値に基づく」 banner: above the figures that rest mostly (> 50 %) on estimates and simulation draws, naming
 * each with that share, so that nobody quotes them as measurements.
 */
export function EstimateBanners({ process }: { process: EffectProcess }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const banners = process.banners ?? [];
  if (banners.length === 0) return null;
  return (
    <div
      role="note"
      className="estimate-banner mb-3 border-l-4 border-warning-yellow-2 bg-warning-yellow-1/20 px-4 py-2"
      data-testid={`estimate-banner-${process.processKey}`}
    >
      <p className="font-bold">{t('reports.banner.title')}</p>
      <p className="text-dns-14N-130">
        {banners.map((b) => t('reports.banner.item', { metric: t(`reports.metrics.${b.metric}`), share: formatPercent(b.share, language) })).join('、')}
      </p>
      <p className="text-dns-14N-130">{t('reports.banner.lead')}</p>
    </div>
  );
}

/** What a figure rests on, in short: the share of each source that has any, e.g. 「実測 3% · 推計 72% · シミュ 25%」. */
export function SourceShares({ shares }: { shares: ProvenanceShares | null | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (!shares) return <>–</>;
  return (
    <>
      {sources
        .filter((s) => shares[s] > 0)
        .map((s) => `${t(`reports.sources.${s}`)} ${formatPercent(shares[s], language)}`)
        .join(' · ')}
    </>
  );
}

/** As-is vs to-be on the five axes: n, mean, median, P90, Δ, reduction rate, the interval of Δ and what each rests on. */
export function EffectTable({ process }: { process: EffectProcess }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const cell = (metric: Metric, value: number | null | undefined) => formatMetric(metric, value, language);
  const banner = new Map((process.banners ?? []).map((b) => [b.metric, b.share]));
  return (
    <table className="report-table" data-testid={`effect-table-${process.processKey}`}>
      <thead>
        <tr>
          <th scope="col">{t('reports.effect.metric')}</th>
          <th scope="col">{t('reports.effect.asIsMean')}</th>
          <th scope="col">{t('reports.effect.asIsMedianP90')}</th>
          <th scope="col">{t('reports.effect.toBeMean')}</th>
          <th scope="col">{t('reports.effect.toBeMedianP90')}</th>
          <th scope="col">{t('reports.effect.delta')}</th>
          <th scope="col">{t('reports.effect.reduction')}</th>
          <th scope="col">{t(`reports.effect.ci.${process.interval ?? 'sampling'}`)}</th>
          <th scope="col">{t('reports.effect.sources')}</th>
        </tr>
      </thead>
      {axes.map((axis) => (
        <tbody key={axis.key}>
          <tr>
            <th scope="rowgroup" colSpan={9} className="bg-solid-gray-50 text-left">
              {t(`reports.axes.${axis.key}`)}
            </th>
          </tr>
          {axis.metrics.map((metric) => {
            const a = process.asIs[metric];
            const b = process.toBe[metric];
            if (!a || !b) return null;
            const d = process.delta?.[metric];
            const estimated = banner.get(metric);
            return (
              <tr key={metric} data-testid={`effect-row-${metric}`}>
                <th scope="row">
                  {t(`reports.metrics.${metric}`)}
                  {estimated !== undefined && (
                    <span className="estimate-tag ml-2 whitespace-nowrap text-dns-14N-130" data-testid={`estimate-tag-${metric}`}>
                      {t('reports.banner.tag', { share: formatPercent(estimated, language) })}
                    </span>
                  )}
                </th>
                <td>{cell(metric, a.mean)}</td>
                <td>{`${cell(metric, a.median)} / ${cell(metric, a.p90)}`}</td>
                <td>{cell(metric, b.mean)}</td>
                <td>{`${cell(metric, b.median)} / ${cell(metric, b.p90)}`}</td>
                <td>{d ? cell(metric, d.value) : '–'}</td>
                <td>{d ? formatPercent(d.reductionRate, language) : '–'}</td>
                <td>{d ? `${cell(metric, d.ci95[0])} – ${cell(metric, d.ci95[1])}` : '–'}</td>
                <td className="text-cell text-dns-14N-130">
                  <SourceShares shares={process.provenance?.both[metric]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}

export function StepTable({ steps }: { steps: StepComparison[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (v: number | null | undefined, yen = false) => (yen ? formatYen(v, language) : formatNumber(v, language, 1));
  return (
    <table className="report-table" data-testid="step-table">
      <thead>
        <tr>
          <th scope="col">{t('reports.steps.code')}</th>
          <th scope="col">{t('reports.steps.nameAsIs')}</th>
          <th scope="col">{t('reports.steps.nameToBe')}</th>
          <th scope="col">{t('reports.steps.classification')}</th>
          <th scope="col">{t('reports.steps.touchAsIs')}</th>
          <th scope="col">{t('reports.steps.touchToBe')}</th>
          <th scope="col">{t('reports.steps.formsAsIs')}</th>
          <th scope="col">{t('reports.steps.formsToBe')}</th>
          <th scope="col">{t('reports.steps.costAsIs')}</th>
          <th scope="col">{t('reports.steps.costToBe')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.stepCode} data-testid={`step-${s.stepCode}`}>
            <th scope="row">{s.stepCode}</th>
            {/* Each arm's own name: a reformed step often keeps its code under a new name. */}
            <td className="text-cell">{s.asIs?.name ?? '–'}</td>
            <td className="text-cell">{s.toBe?.name ?? '–'}</td>
            <td className="text-cell">{t(`reports.classification.${s.classification}`)}</td>
            <td>{n(s.asIs?.touchMinutesPerCase)}</td>
            <td>{n(s.toBe?.touchMinutesPerCase)}</td>
            <td>{n(s.asIs?.formsPerCase)}</td>
            <td>{n(s.toBe?.formsPerCase)}</td>
            <td>{n(s.asIs?.costYenPerCase, true)}</td>
            <td>{n(s.toBe?.costYenPerCase, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="report-section mb-10" data-testid={testId}>
      <h2 className="mb-4 text-std-24B-150 text-solid-gray-900">{title}</h2>
      {children}
    </section>
  );
}

export function Definitions({ definitions }: { definitions: string[] }) {
  const { t } = useTranslation();
  return (
    <details className="report-definitions mt-3" open={false}>
      <summary className="cursor-pointer text-std-16B-170">{t('reports.definitionsUsed')}</summary>
      <ul className="mt-2 list-disc pl-6 text-dns-14N-130">
        {definitions.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </details>
  );
}
