import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatNumber } from '../reports/format';
import { Link } from 'react-router';
import type { RankChange, RankedProcedure } from './api';

const th = 'px-3 py-2 text-std-16B-170 text-solid-gray-900';
const td = 'px-3 py-2';

/** "+30 %" / "−20 %". */
export function changeText(change: number): string {
  return `${change > 0 ? '+' : '−'}${Math.round(Math.abs(change) * 100)} %`;
}

function Stability({ procedure }: { procedure: RankedProcedure }) {
  const { t } = useTranslation();
  const s = procedure.stability;
  if (s.stable) return <span className="text-green-1100">{t('inventory.ranking.stable')}</span>;
  const describe = (c: RankChange) =>
    t('inventory.ranking.change', { criterion: t(`inventory.criterion.${c.criterion}`), change: changeText(c.change), rank: c.rank });
  return (
    <span className="flex flex-col">
      <span className="font-bold text-orange-1100">{t('inventory.ranking.unstable', { min: s.minRank, max: s.maxRank })}</span>
      <span className="text-dns-16N-130">{s.changes.map(describe).join('、')}</span>
    </span>
  );
}

/** The ranking: rank, score, effect, stability, and (for coordinators) a checkbox to choose each as a focus procedure. */
export function RankingTable({
  ranked,
  chosen,
  onToggle,
}: {
  ranked: readonly RankedProcedure[];
  chosen: ReadonlySet<string>;
  onToggle: ((code: string) => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const columns = ['rank', 'name', 'field', 'score', 'effectHours', 'stability'] as const;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[64rem] border-collapse bg-white text-left" data-testid="ranking-table">
        <caption className="sr-only">{t('inventory.ranking.tableCaption')}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
            {onToggle && (
              <th scope="col" className={th}>
                {t('inventory.ranking.columns.choose')}
              </th>
            )}
            {columns.map((c) => (
              <th key={c} scope="col" className={`${th} whitespace-nowrap`}>
                {t(`inventory.ranking.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => (
            <tr key={r.code} className="border-b border-solid-gray-420 align-top" data-testid={`rank-row-${r.code}`}>
              {onToggle && (
                <td className={td}>
                  <input
                    type="checkbox"
                    className="size-5"
                    checked={chosen.has(r.code)}
                    onChange={() => onToggle(r.code)}
                    aria-label={t('inventory.ranking.chooseProcedure', { name: r.nameJa })}
                  />
                </td>
              )}
              <td className={`${td} text-std-20B-150 tabular-nums`} data-testid="rank">
                {r.rank}
              </td>
              <th scope="row" className={`${td} min-w-56 font-normal`}>
                <Link to={`/inventory/procedures/${encodeURIComponent(r.code)}`} className="link">
                  {r.nameJa}
                </Link>
              </th>
              <td className={`${td} whitespace-nowrap`}>{r.field}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`} data-testid="score">
                {formatNumber(r.score, language, 1)}
              </td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{formatNumber(r.criteria.Effect.input, language, 0)}</td>
              <td className={`${td} min-w-72`} data-testid="stability">
                <Stability procedure={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
