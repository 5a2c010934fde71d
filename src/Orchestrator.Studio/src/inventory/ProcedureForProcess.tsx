import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../i18n';
import { area, canOpen } from '../nav';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { listProcedures, type ProcedureSummary } from './api';

/** The inventory's procedures by process key, for pages of other areas that link to them (empty when the user may not read it). */
export function useProceduresByProcessKey(): ReadonlyMap<string, ProcedureSummary> {
  const user = useUser();
  const allowed = canOpen(area('inventory'), user.roles);
  const procedures = useResource((signal) => (allowed ? listProcedures(signal) : Promise.resolve([])), `procedures-by-key:${allowed}`);
  return new Map((procedures.data ?? []).filter((p) => p.processKey).map((p) => [p.processKey!, p]));
}

/** 「業務・データ一覧: おくやみ手続」 — the report's side of the link between a process and its procedure. */
export function ProcedureLink({ procedure }: { procedure: ProcedureSummary | undefined }) {
  const { t, i18n } = useTranslation();
  if (!procedure) return null;
  const name = currentLanguage(i18n) === 'en' ? procedure.nameEn || procedure.nameJa : procedure.nameJa;
  return (
    <p className="no-print mb-2" data-testid={`inventory-link-${procedure.processKey}`}>
      {t('inventory.title')}:{' '}
      <Link to={`/inventory/procedures/${encodeURIComponent(procedure.code)}`} className="link">
        {name}
      </Link>
    </p>
  );
}
