import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { canEditInventory, getRanking, listFocusChoices, listSchemes, type Ranking } from './api';
import { FocusPanel } from './FocusPanel';
import { InventoryTabs, LoadFailed, Loading, Notice } from './parts';
import { RankingTable } from './RankingTable';
import { ScatterPlot } from './ScatterPlot';
import { SchemePanel } from './SchemePanel';

/** 優先順位と重点分野: a weight scheme, the ranking with its sensitivity, the scatter plot, and the recorded choice. */
export function RankingPage() {
  const { t } = useTranslation();
  const user = useUser();
  const editable = canEditInventory(user.roles);
  const [params, setParams] = useSearchParams();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const schemes = useResource((signal) => listSchemes(signal), `schemes:${generation}`);
  const schemeId = params.get('scheme') ?? schemes.data?.find((s) => s.id === 'standard')?.id ?? schemes.data?.[0]?.id ?? null;
  const ranking = useResource((signal) => (schemeId ? getRanking(schemeId, signal) : Promise.resolve(null)), `ranking:${schemeId}:${generation}`);
  const history = useResource((signal) => listFocusChoices(signal), `focus:${generation}`);
  const [chosen, setChosen] = useState<Set<string> | null>(null);

  // Until the coordinator picks, the latest recorded choice is what the plot and the checkboxes show.
  const latest = history.data?.[0];
  const recorded = useMemo(() => new Set(latest?.procedures.map((p) => p.code) ?? []), [latest]);
  const selection = chosen ?? recorded;
  const toggle = (code: string) =>
    setChosen((current) => {
      const next = new Set(current ?? recorded);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const title = t('inventory.ranking.title');
  const data: Ranking | null = ranking.data ?? null;
  const scheme = schemes.data?.find((s) => s.id === schemeId) ?? null;

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-4xl">{t('inventory.ranking.lead')}</p>
      <InventoryTabs />
      <Notice text={notice} />
      {schemes.error !== null && <LoadFailed error={schemes.error} onRetry={schemes.reload} />}
      {schemes.data !== null && schemes.data.length === 0 && <p>{t('inventory.ranking.noScheme')}</p>}
      {schemes.data !== null && schemes.data.length > 0 && (
        <label className="mb-4 flex max-w-md flex-col gap-1">
          <span className="text-std-16B-170">{t('inventory.ranking.scheme')}</span>
          <select
            className="text-input"
            value={schemeId ?? ''}
            onChange={(e) => setParams({ scheme: e.target.value }, { replace: true })}
            data-testid="scheme-select"
          >
            {schemes.data.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {scheme && (
        <SchemePanel
          scheme={scheme}
          editable={editable}
          onSaved={(id, name) => {
            setNotice(t('inventory.ranking.schemeSaved', { name }));
            setParams({ scheme: id }, { replace: true });
            setGeneration((g) => g + 1);
          }}
        />
      )}
      {ranking.error !== null && <LoadFailed error={ranking.error} onRetry={ranking.reload} />}
      {data === null && ranking.loading && <Loading />}
      {data !== null && (
        <>
          <p
            className={data.basis.mostlyEstimated ? 'mb-6 max-w-4xl border-l-4 border-orange-800 bg-orange-50 px-4 py-3' : 'mb-6 text-solid-gray-700'}
            role={data.basis.mostlyEstimated ? 'note' : undefined}
            data-testid="ranking-basis"
          >
            {t(data.basis.mostlyEstimated ? 'inventory.ranking.mostlyEstimated' : 'inventory.ranking.basis', { ...data.basis })}
          </p>
          <section className="mb-8">
            <h2 className="mb-2 text-std-24B-150">{t('inventory.ranking.scatterTitle')}</h2>
            <ScatterPlot ranked={data.ranked} chosen={selection} />
          </section>
          <section className="mb-8">
            <h2 className="mb-2 text-std-24B-150">{t('inventory.ranking.tableTitle')}</h2>
            <p className="mb-3" data-testid="stable-count">
              {t('inventory.ranking.stableCount', { count: data.ranked.length, stable: data.ranked.filter((r) => r.stability.stable).length })}
            </p>
            <RankingTable ranked={data.ranked} chosen={selection} onToggle={editable ? toggle : null} />
          </section>
          <Unranked data={data} />
          <FocusPanel
            schemeId={data.scheme.id}
            chosen={[...selection]}
            editable={editable}
            history={history.data}
            onRecorded={() => setGeneration((g) => g + 1)}
          />
        </>
      )}
    </>
  );
}

function Unranked({ data }: { data: Ranking }) {
  const { t } = useTranslation();
  return (
    <>
      {data.unscored.length > 0 && (
        <section className="mb-6" data-testid="unscored">
          <h2 className="mb-2 text-std-20B-150">{t('inventory.ranking.unscoredTitle')}</h2>
          <ul className="list-disc pl-6">
            {data.unscored.map((u) => (
              <li key={u.code}>
                {u.nameJa}（{t('inventory.ranking.missing', { figures: u.missing.map((m) => t(`inventory.figures.${m}`)).join('・') })}）
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.excluded.length > 0 && (
        <section className="mb-6" data-testid="excluded">
          <h2 className="mb-2 text-std-20B-150">{t('inventory.ranking.excludedTitle')}</h2>
          <ul className="list-disc pl-6">
            {data.excluded.map((u) => (
              <li key={u.code}>
                {u.nameJa}：{u.excludedReason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
