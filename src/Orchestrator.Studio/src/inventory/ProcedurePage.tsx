import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { formatDateTime } from '../tasks/format';
import { canEditInventory, createAsIsDraft, deleteProcedure, getProcedure, procedureFigures, type DataFlow, type Procedure } from './api';
import { ExcludedBadge, failureReason, FigureValue, InventoryTabs, LoadFailed, Loading, ProvenanceBadge } from './parts';
import { ProcedureLinks } from './ProcedureLinks';

export function ProcedurePage() {
  const { code = '' } = useParams();
  return <ProcedureView key={code} code={code} />;
}

function ProcedureView({ code }: { code: string }) {
  const { t } = useTranslation();
  const procedure = useResource((signal) => getProcedure(code, signal), `procedure:${code}`);
  const p = procedure.data;
  const title = p?.nameJa ?? code;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <InventoryTabs />
      <p className="mb-4">
        <Link to="/inventory" className="link">
          {t('inventory.procedure.back')}
        </Link>
      </p>
      {procedure.error !== null && <LoadFailed error={procedure.error} onRetry={procedure.reload} />}
      {p === null && procedure.loading && <Loading />}
      {p !== null && <ProcedureDetail procedure={p} />}
    </>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="mb-8" data-testid={testId}>
      <h2 className="mb-3 text-std-24B-150">{title}</h2>
      {children}
    </section>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="grid grid-cols-[14rem_1fr] gap-4 border-b border-solid-gray-420 py-2">
      <dt className="font-bold">{label}</dt>
      <dd className="whitespace-pre-wrap">{value ?? t('inventory.common.none')}</dd>
    </div>
  );
}

function ProcedureDetail({ procedure: p }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const edit = canEditInventory(user.roles);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const createDraft = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await createAsIsDraft(p.code);
      void navigate(`/workflows/${encodeURIComponent(draft.definitionId)}`);
    } catch (e) {
      setError(failureReason(e));
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('inventory.procedure.confirmDelete', { name: p.nameJa }))) return;
    try {
      await deleteProcedure(p.code);
      void navigate('/inventory', { state: { deleted: p.code } });
    } catch (e) {
      setError(failureReason(e));
    }
  };

  return (
    <>
      {edit && (
        <div className="mb-6 flex flex-wrap items-start gap-3">
          <div className="flex max-w-xl flex-col gap-2">
            <button
              type="button"
              className="btn-primary"
              disabled={busy || p.dataFlows.length === 0}
              onClick={() => void createDraft()}
              data-testid="create-draft"
            >
              {busy ? t('inventory.procedure.creatingDraft') : t('inventory.procedure.createDraft')}
            </button>
            <p className="text-dns-16N-130 text-solid-gray-700">
              {p.dataFlows.length === 0 ? t('inventory.procedure.draftNeedsFlows') : t('inventory.procedure.createDraftHint')}
            </p>
          </div>
          <Link to={`/inventory/procedures/${encodeURIComponent(p.code)}/edit`} className="btn-secondary" data-testid="procedure-edit">
            {t('inventory.procedure.edit')}
          </Link>
          <button type="button" className="btn-secondary" onClick={() => void remove()} data-testid="procedure-delete">
            {t('inventory.procedure.delete')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="procedure-error">
          {error}
        </p>
      )}

      <Section title={t('inventory.procedure.basics')}>
        <dl className="max-w-5xl">
          <Row label={t('inventory.procedure.code')} value={p.code} />
          <Row label={t('inventory.procedure.nameEn')} value={p.nameEn} />
          <Row label={t('inventory.procedure.field')} value={p.field} />
          <Row label={t('inventory.procedure.legalBasis')} value={p.legalBasis} />
          <Row label={t('inventory.procedure.organisations')} value={p.organisations} />
        </dl>
        {p.excluded && (
          <p className="mt-4 max-w-5xl border-l-4 border-solid-gray-600 bg-solid-gray-50 px-4 py-3" data-testid="procedure-excluded">
            <ExcludedBadge /> <span className="ml-2">{p.excludedReason}</span>
          </p>
        )}
        {p.updatedAt && (
          <p className="mt-2 text-dns-16N-130 text-solid-gray-700">
            {t('inventory.procedure.updatedAt', { at: formatDateTime(p.updatedAt, currentLanguage(i18n)), by: p.updatedBy ?? '—' })}
          </p>
        )}
      </Section>

      <Section title={t('inventory.procedure.figuresTitle')} testId="procedure-figures">
        <FigureTable procedure={p} />
      </Section>

      <Section title={t('inventory.procedure.needsTitle')}>
        <dl className="max-w-5xl">
          <Row label={t('inventory.procedure.needsText')} value={p.needsText} />
          <Row label={t('inventory.procedure.constraintLegal')} value={p.constraintLegal} />
          <Row label={t('inventory.procedure.constraintOperational')} value={p.constraintOperational} />
          <Row label={t('inventory.procedure.constraintTechnical')} value={p.constraintTechnical} />
        </dl>
      </Section>

      <Section title={t('inventory.procedure.flowsTitle')} testId="procedure-flows">
        {p.dataFlows.length === 0 ? <p>{t('inventory.procedure.noFlows')}</p> : p.dataFlows.map((f) => <FlowDetail key={f.number} flow={f} />)}
      </Section>

      <Section title={t('inventory.procedure.linksTitle')}>
        <ProcedureLinks procedure={p} />
      </Section>
    </>
  );
}

function FigureTable({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-6xl border-collapse bg-white text-left">
        <thead>
          <tr className="border-b-2 border-solid-gray-600 bg-solid-gray-50">
            {(['figure', 'value', 'source', 'basis'] as const).map((c) => (
              <th key={c} scope="col" className="px-3 py-2">
                {t(`inventory.procedure.figureColumns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {procedureFigures.map((key) => {
            const figure = procedure[key];
            return (
              <tr key={key} className="border-b border-solid-gray-420 align-top" data-testid={`figure-${key}`}>
                <th scope="row" className="px-3 py-2 font-normal">
                  {t(`inventory.figures.${key}`)}
                </th>
                <td className="px-3 py-2 tabular-nums">
                  <FigureValue figure={{ ...figure, source: null }} digits={2} />
                </td>
                <td className="px-3 py-2">
                  <ProvenanceBadge figure={figure} />
                </td>
                <td className="px-3 py-2 text-dns-16N-130">{figure.basis ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function FlowDetail({ flow }: { flow: DataFlow }) {
  const { t } = useTranslation();
  const party = (level: string | null, organisation: string | null) => organisation ?? (level ? t(`inventory.level.${level}`) : '—');
  return (
    <article className="mb-6 max-w-6xl rounded-8 border border-solid-gray-420 bg-white p-4" data-testid={`flow-${flow.number}`}>
      <h3 className="mb-2 text-std-20B-150">
        {t('inventory.procedure.flowCaption', {
          number: flow.number,
          from: party(flow.fromLevel, flow.fromOrganisation),
          to: party(flow.toLevel, flow.toOrganisation),
          means: flow.means ? t(`inventory.means.${flow.means}`) : '—',
        })}
      </h3>
      <p className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-dns-16N-130">
        <span>
          {t('inventory.procedure.frequency')}: {flow.frequency ?? '—'}
        </span>
        {(['clerkMinutes', 'rekeyedFields', 'documents', 'transitDays'] as const).map((key) => (
          <span key={key} className="inline-flex items-center gap-2">
            {t(`inventory.figures.${key}`)}: <FigureValue figure={flow[key]} />
          </span>
        ))}
      </p>
      <table className="w-full border-collapse text-left text-dns-16N-130">
        <caption className="sr-only">{t('inventory.procedure.itemsTitle')}</caption>
        <thead>
          <tr className="border-b border-solid-gray-600">
            {(['name', 'type', 'codeSet', 'personal'] as const).map((c) => (
              <th key={c} scope="col" className="px-2 py-1">
                {t(`inventory.procedure.itemColumns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {flow.items.map((item, i) => (
            <tr key={`${item.name}-${i}`} className="border-b border-solid-gray-420">
              <td className="px-2 py-1">{item.name}</td>
              <td className="px-2 py-1">{item.type ? t(`inventory.itemType.${item.type}`) : '—'}</td>
              <td className="px-2 py-1">{item.codeSet ?? '—'}</td>
              <td className="px-2 py-1">{item.personal ? t('inventory.procedure.personalYes') : t('inventory.procedure.personalNo')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
