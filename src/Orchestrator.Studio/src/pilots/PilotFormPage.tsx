import { useCallback, useId, useLayoutEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, NetworkError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { createPilot, getPilot, listDefinitionChoices, listOrganisations, updatePilot, type PilotView } from './api';
import { newPilotForm, sameConfiguration, toConfiguration, toForm, type PilotForm } from './form';
import { BasicsSection } from './form/BasicsSection';
import { CostsSection } from './form/CostsSection';
import type { UpdateForm } from './form/controls';
import { CasesSection, DesignSection } from './form/DesignSection';
import { MunicipalitiesSection } from './form/MunicipalitiesSection';
import { ProcessesSection } from './form/ProcessesSection';
import { ScheduleSection, TimeZoneList } from './form/ScheduleSection';
import { SimulationSection } from './form/SimulationSection';
import { localName } from './format';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard';
import { useResource } from '../components/useResource';
import { failureReason } from './parts';
import { checkForm, fieldId, mapServerProblems, messagesByField, type ShownProblem } from './validation';

export function PilotFormPage() {
  const { id } = useParams();
  return <PilotEditor key={id ?? '$new'} id={id ?? null} />;
}

function ErrorSummary({ problems, summaryRef }: { problems: ShownProblem[]; summaryRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby={headingId}
      className="mb-6 max-w-4xl rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-solid-gray-900"
      data-testid="form-error-summary"
    >
      <h2 id={headingId} className="mb-2 text-std-17B-170 text-error-2">
        {t('pilots.form.errorSummary')}
      </h2>
      <ul className="list-disc pl-6">
        {problems.map((problem, index) => (
          <li key={`${problem.field ?? '$'}-${index}`}>
            {problem.field ? (
              <a
                href={`#${fieldId(problem.field)}`}
                className="link text-error-2"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId(problem.field!))?.focus();
                }}
              >
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PilotEditor({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const creating = id === null;
  const definitions = useResource((signal) => listDefinitionChoices(signal), 'definitions');
  const organisations = useResource((signal) => listOrganisations(signal), 'organisations');
  const pilot = useResource<PilotView | null>((signal) => (id === null ? Promise.resolve(null) : getPilot(id, signal)), `pilot:${id ?? '$new'}`);

  const [forms, setForms] = useState<{ initial: PilotForm; current: PilotForm } | null>(() => {
    if (!creating) return null;
    const form = newPilotForm();
    return { initial: form, current: form };
  });
  const [problems, setProblems] = useState<ShownProblem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  // The pilot's form once it has loaded, taken while rendering (not in an effect) and only the first time.
  if (pilot.data && forms === null) {
    const form = toForm(pilot.data.configuration);
    setForms({ initial: form, current: form });
  }

  // At commit, not after paint: a passive effect could run after the user's first click on a summary link and
  // pull the focus back from the field it moved to.
  useLayoutEffect(() => {
    if (focusSummary > 0) (summaryRef.current ?? failureRef.current)?.focus();
  }, [focusSummary]);

  const dirty = forms !== null && !sameConfiguration(forms.initial, forms.current);
  useUnsavedChangesGuard(dirty, t('pilots.form.unsaved'));

  const update: UpdateForm = useCallback((change) => setForms((f) => (f ? { ...f, current: change(f.current) } : f)), []);

  const pilotName = pilot.data ? localName(pilot.data.name, language, pilot.data.id) : (id ?? '');
  const title = creating ? t('pilots.form.newTitle') : t('pilots.form.editTitle', { name: pilotName });
  const cancelTo = creating ? '/pilots' : `/pilots/${encodeURIComponent(id)}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!forms || busy) return;
    const form = forms.current;
    setFailure(null);
    const found = checkForm(form, creating);
    if (found.length > 0) {
      setProblems(found.map((p) => ({ field: p.field, message: t(`pilots.form.errors.${p.code}`, p.values ?? {}) })));
      setFocusSummary((n) => n + 1);
      return;
    }
    setProblems(null);
    setBusy(true);
    try {
      const configuration = toConfiguration(form);
      const saved = creating ? await createPilot(configuration, form.id.trim() || null) : await updatePilot(id, configuration);
      navigate(`/pilots/${encodeURIComponent(saved.id)}`, { state: { saved: creating ? 'created' : 'updated' } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const mapped = mapServerProblems(error.problem?.errors ?? [], form);
        setProblems(mapped.length > 0 ? mapped : [{ field: null, message: error.problem?.detail ?? error.problem?.title ?? 'HTTP 400' }]);
      } else if (error instanceof NetworkError) setFailure(t('pilots.common.networkError'));
      else setFailure(t('pilots.form.saveFailed', { reason: failureReason(error) }));
      setFocusSummary((n) => n + 1);
      setBusy(false);
    }
  };

  const loadError = [definitions.error, organisations.error, pilot.error].find((e) => e !== null) ?? null;
  const notFound = pilot.error instanceof ApiError && pilot.error.status === 404;
  const definitionList = definitions.data;
  const organisationList = organisations.data;

  if (forms === null || definitionList === null || organisationList === null) {
    return (
      <>
        <PageHeading title={notFound ? t('pilots.common.notFound') : title}>{notFound ? t('pilots.common.notFound') : title}</PageHeading>
        {notFound ? (
          <p className="mb-6 max-w-3xl">{t('pilots.common.notFoundBody')}</p>
        ) : loadError !== null ? (
          <div role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="form-load-error">
            <p className="mb-2">{t('pilots.common.loadFailed', { reason: failureReason(loadError) })}</p>
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                definitions.reload();
                organisations.reload();
                pilot.reload();
              }}
            >
              {t('pilots.common.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('pilots.form.loadingOptions')}</p>
        )}
        <p>
          <Link to="/pilots" className="link">
            {t('pilots.common.backToList')}
          </Link>
        </p>
      </>
    );
  }

  const form = forms.current;
  const errors = messagesByField(problems ?? []);
  const sectionProps = { form, update, errors };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6 max-w-3xl">{t('pilots.form.lead')}</p>
      {problems && <ErrorSummary problems={problems} summaryRef={summaryRef} />}
      {failure && (
        <div
          ref={failureRef}
          tabIndex={-1}
          role="alert"
          className="mb-6 max-w-4xl border-l-4 border-error-1 bg-red-50 px-4 py-3 text-error-2"
          data-testid="form-failure"
        >
          {failure}
        </div>
      )}
      <TimeZoneList />
      <form noValidate onSubmit={(e) => void submit(e)} aria-busy={busy} className="flex max-w-4xl flex-col gap-8" data-testid="pilot-form">
        <BasicsSection {...sectionProps} creating={creating} />
        <ProcessesSection {...sectionProps} definitions={definitionList} />
        <MunicipalitiesSection {...sectionProps} organisations={organisationList} />
        <DesignSection {...sectionProps} organisations={organisationList} />
        <CasesSection {...sectionProps} />
        <ScheduleSection {...sectionProps} />
        {form.mode === 'Simulated' && <SimulationSection {...sectionProps} organisations={organisationList} />}
        <CostsSection {...sectionProps} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary" disabled={busy} data-testid="pilot-save">
            {creating ? t('pilots.form.create') : t('pilots.form.save')}
          </button>
          <Link to={cancelTo} className="btn-secondary" data-testid="pilot-cancel">
            {t('pilots.form.cancel')}
          </Link>
          {busy && <p role="status">{t('pilots.form.saving')}</p>}
        </div>
      </form>
    </>
  );
}
