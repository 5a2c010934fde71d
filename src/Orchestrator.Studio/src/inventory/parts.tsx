/** Small pieces the inventory pages share: provenance badges, figures, loading and failure states, the area's tabs. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { currentLanguage } from '../i18n';
import { formatNumber } from '../reports/format';
import { failureReason } from '../tasks/parts';
import type { Figure, Provenance } from './api';
import { LoadError } from '../components/LoadError';
import { Loading as KitLoading } from '../components/Loading';

const badge = 'inline-block rounded-4 border px-1.5 py-0.5 text-dns-14B-120 whitespace-nowrap';
const provenanceColours: Record<Provenance, string> = {
  Measured: 'border-green-900 bg-green-50 text-green-1100',
  Published: 'border-blue-900 bg-blue-50 text-blue-1000',
  Estimated: 'border-orange-800 bg-orange-50 text-orange-1100',
};

/** 実測 / 公表 / 推計; the basis is the badge's title and its accessible description. */
export function ProvenanceBadge({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  if (!figure.source) return null;
  const source = t(`inventory.provenance.${figure.source}`);
  return (
    <span
      className={`${badge} ${provenanceColours[figure.source]}`}
      title={t('inventory.provenanceHint', { source, basis: figure.basis ?? '' })}
      data-testid="provenance"
      data-source={figure.source}
    >
      {source}
    </span>
  );
}

/** A figure's value with its provenance badge; an unknown figure is a dash. */
export function FigureValue({ figure, digits = 1 }: { figure: Figure | null | undefined; digits?: number }) {
  const { t, i18n } = useTranslation();
  if (!figure || figure.value === null) return <span className="text-solid-gray-700">{t('inventory.common.none')}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="tabular-nums">{formatNumber(figure.value, currentLanguage(i18n), digits)}</span>
      <ProvenanceBadge figure={figure} />
    </span>
  );
}

export function ExcludedBadge() {
  const { t } = useTranslation();
  return (
    <span className={`${badge} border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900`} data-testid="excluded-badge">
      {t('inventory.common.excluded')}
    </span>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <KitLoading>{t('inventory.common.loading')}</KitLoading>;
}

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <LoadError
      message={t('inventory.common.loadFailed', { reason: failureReason(error) })}
      retryLabel={t('inventory.common.retry')}
      onRetry={onRetry}
      testId="inventory-error"
    />
  );
}

/** The area's pages as tabs under the heading. */
export function InventoryTabs() {
  const { t } = useTranslation();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `px-4 py-2 border-b-4 ${isActive ? 'border-blue-900 font-bold text-blue-1000' : 'border-transparent text-solid-gray-800 hover:border-solid-gray-420'}`;
  return (
    <nav aria-label={t('inventory.tabs.label')} className="mb-6 flex flex-wrap gap-2 border-b border-solid-gray-420" data-testid="inventory-tabs">
      <NavLink to="/inventory" end className={tab}>
        {t('inventory.tabs.catalogue')}
      </NavLink>
      <NavLink to="/inventory/ranking" className={tab}>
        {t('inventory.tabs.ranking')}
      </NavLink>
      <NavLink to="/inventory/import" className={tab}>
        {t('inventory.tabs.import')}
      </NavLink>
    </nav>
  );
}

/** A notice after an action (saved, deleted, recorded), announced politely. */
export function Notice({ text }: { text: string | null }) {
  return (
    <p role="status" aria-live="polite" className={text ? 'mb-6 border-l-4 border-green-900 bg-green-50 px-4 py-3' : 'sr-only'} data-testid="inventory-notice">
      {text ?? ''}
    </p>
  );
}

export { failureReason };
