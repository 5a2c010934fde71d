import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { canEditInventory, exportUrl, listProcedures, type ProcedureSummary } from './api';
import { ExcludedBadge, FigureValue, InventoryTabs, LoadFailed, Loading } from './parts';

const th = 'px-3 py-3 text-std-16B-170 text-solid-gray-900';
const td = 'px-3 py-3';

/** Procedures filtered by field, name or code, and whether excluded ones show. */
export function filterProcedures(list: readonly ProcedureSummary[], field: string, text: string, showExcluded: boolean): ProcedureSummary[] {
  const needle = text.trim().toLowerCase();
  return list.filter(
    (p) =>
      (showExcluded || !p.excluded) &&
      (field === '' || p.field === field) &&
      (needle === '' || p.code.toLowerCase().includes(needle) || p.nameJa.toLowerCase().includes(needle) || (p.nameEn ?? '').toLowerCase().includes(needle)),
  );
}

/** 業務・データ一覧: every procedure with its levels, volume and burden, each figure with its provenance. */
export function CatalogueListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const edit = canEditInventory(user.roles);
  const procedures = useResource((signal) => listProcedures(signal), 'procedures');
  const [field, setField] = useState('');
  const [text, setText] = useState('');
  const [showExcluded, setShowExcluded] = useState(true);
  const list = procedures.data;
  const fields = useMemo(() => [...new Set((list ?? []).map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'ja')), [list]);
  const shown = list ? filterProcedures(list, field, text, showExcluded) : [];
  const title = t('inventory.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-4xl">{t('inventory.lead')}</p>
      <InventoryTabs />
      <div className="mb-6 flex flex-wrap items-center gap-3">
        {edit && (
          <Link to="/inventory/procedures/new" className="btn-primary" data-testid="procedure-new">
            {t('inventory.list.new')}
          </Link>
        )}
        <a href={exportUrl} className="btn-secondary" download data-testid="inventory-export">
          {t('inventory.list.export')}
        </a>
        {!edit && <span className="text-solid-gray-700">{t('inventory.common.readOnly')}</span>}
      </div>

      {procedures.error !== null && <LoadFailed error={procedures.error} onRetry={procedures.reload} />}
      {list === null && procedures.loading && <Loading />}
      {list !== null && (
        <>
          <div className="mb-4 flex flex-wrap items-end gap-4">
            <label className="flex flex-col gap-1">
              <span className="text-std-16B-170">{t('inventory.list.filterField')}</span>
              <select className="text-input max-w-60" value={field} onChange={(e) => setField(e.target.value)} data-testid="filter-field">
                <option value="">{t('inventory.list.allFields')}</option>
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-std-16B-170">{t('inventory.list.search')}</span>
              <input type="search" className="text-input max-w-80" value={text} onChange={(e) => setText(e.target.value)} data-testid="filter-text" />
            </label>
            <label className="inline-flex items-center gap-2 pb-3">
              <input type="checkbox" className="size-5" checked={showExcluded} onChange={(e) => setShowExcluded(e.target.checked)} />
              {t('inventory.list.showExcluded')}
            </label>
            <p className="pb-3 text-solid-gray-700" aria-live="polite" data-testid="procedure-count">
              {t('inventory.list.count', { shown: shown.length, total: list.length })}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-6">{t('inventory.list.empty')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[64rem] border-collapse bg-white text-left" data-testid="procedures-table">
                <caption className="sr-only">{t('inventory.list.caption')}</caption>
                <thead>
                  <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
                    {(['code', 'name', 'field', 'levels', 'volume', 'clerkMinutes', 'trips', 'flows', 'workflow'] as const).map((c) => (
                      <th key={c} scope="col" className={th}>
                        {t(`inventory.list.columns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => (
                    <tr key={p.code} className="border-b border-solid-gray-420 align-top" data-testid={`procedure-row-${p.code}`}>
                      <td className={`${td} whitespace-nowrap font-mono`}>{p.code}</td>
                      <th scope="row" className={`${td} min-w-64 font-normal`}>
                        <Link to={`/inventory/procedures/${encodeURIComponent(p.code)}`} className="link font-bold">
                          {p.nameJa}
                        </Link>
                        {p.excluded && (
                          <span className="ml-2">
                            <ExcludedBadge />
                          </span>
                        )}
                      </th>
                      <td className={td}>{p.field}</td>
                      <td className={td}>{p.levels.map((l) => t(`inventory.level.${l}`)).join('・')}</td>
                      <td className={td}>
                        <FigureValue figure={p.volumeNational} digits={0} />
                      </td>
                      <td className={td}>
                        <FigureValue figure={p.clerkMinutes} />
                      </td>
                      <td className={td}>
                        <FigureValue figure={p.residentTrips} />
                      </td>
                      <td className={`${td} whitespace-nowrap`}>{t('inventory.list.flowsAndItems', { flows: p.dataFlowCount, items: p.dataItemCount })}</td>
                      <td className={`${td} font-mono`}>{p.processKey ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
