import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { useResource } from '../components/useResource';
import { useUser } from '../session';
import { MessagePage } from '../pages/MessagePage';
import { canEditInventory, getProcedure, procedureFigures, saveProcedure } from './api';
import { TextInput } from './form/controls';
import { FigureFields } from './form/FigureFields';
import { FlowsEditor } from './form/FlowsEditor';
import { emptyForm, errorsFrom, fromProcedure, toProcedure, type Errors, type ProcedureForm } from './form/model';
import { failureReason, LoadFailed, Loading } from './parts';

/** /inventory/procedures/new and /inventory/procedures/:code/edit. */
export function ProcedureFormPage() {
  const { code } = useParams();
  const user = useUser();
  if (!canEditInventory(user.roles)) return <MessagePage kind="forbidden" />;
  return code ? <EditProcedure key={code} code={code} /> : <ProcedureFormView initial={emptyForm()} isNew />;
}

function EditProcedure({ code }: { code: string }) {
  const procedure = useResource((signal) => getProcedure(code, signal), `procedure:${code}`);
  if (procedure.error !== null) return <LoadFailed error={procedure.error} onRetry={procedure.reload} />;
  if (procedure.data === null) return <Loading />;
  return <ProcedureFormView initial={fromProcedure(procedure.data)} isNew={false} />;
}

const sections = 'mb-8 max-w-6xl';

function ProcedureFormView({ initial, isNew }: { initial: ProcedureForm; isNew: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = isNew ? t('inventory.form.titleNew') : t('inventory.form.titleEdit', { name: initial.nameJa });
  const text = (field: keyof ProcedureForm, label: string, options: { required?: boolean; multiline?: boolean; maxLength?: number } = {}) => (
    <TextInput
      field={field}
      label={label}
      errors={errors}
      value={form[field] as string}
      onChange={(value) => setForm((f) => ({ ...f, [field]: value }))}
      {...options}
    />
  );

  // After a refused save, take the reader to the first message.
  useEffect(() => {
    if (Object.keys(errors).length > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { procedure, errors: local } = toProcedure(form, t('inventory.form.notANumber'));
    setFailure(null);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFailure(t('inventory.form.invalid'));
      return;
    }
    setSaving(true);
    try {
      const saved = await saveProcedure(procedure, isNew);
      void navigate(`/inventory/procedures/${encodeURIComponent(saved.code)}`);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
        setErrors(errorsFrom(error.problem.errors));
        setFailure(t('inventory.form.invalid'));
      } else {
        setFailure(failureReason(error));
      }
    }
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="mb-6">
        <Link to={isNew ? '/inventory' : `/inventory/procedures/${encodeURIComponent(initial.code)}`} className="link">
          {t('inventory.common.cancel')}
        </Link>
      </p>
      {failure && (
        <p role="alert" className="mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3" data-testid="form-failure">
          {failure}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="procedure-form">
        <section className={`${sections} grid gap-4 md:grid-cols-2`}>
          <h2 className="text-std-24B-150 md:col-span-2">{t('inventory.procedure.basics')}</h2>
          {isNew ? (
            text('code', t('inventory.procedure.code'), { required: true, maxLength: 32 })
          ) : (
            <p>
              {t('inventory.procedure.code')}: <span className="font-mono">{form.code}</span>
            </p>
          )}
          {text('field', t('inventory.procedure.field'), { required: true, maxLength: 40 })}
          {text('nameJa', t('inventory.procedure.nameJa'), { required: true, maxLength: 200 })}
          {text('nameEn', t('inventory.procedure.nameEn'), { maxLength: 200 })}
          {text('legalBasis', t('inventory.procedure.legalBasis'), { maxLength: 500 })}
          {text('organisations', t('inventory.procedure.organisations'), { maxLength: 500 })}
          {text('processKey', t('inventory.procedure.processKey'), { maxLength: 64 })}
        </section>
        <section className={sections}>
          <h2 className="mb-2 text-std-24B-150">{t('inventory.procedure.figuresTitle')}</h2>
          {procedureFigures.map((k) => (
            <FigureFields
              key={k}
              field={k}
              label={t(`inventory.figures.${k}`)}
              figure={form.figures[k]}
              errors={errors}
              onChange={(figure) => setForm((f) => ({ ...f, figures: { ...f.figures, [k]: figure } }))}
            />
          ))}
        </section>
        <section className={`${sections} grid gap-4`}>
          <h2 className="text-std-24B-150">{t('inventory.procedure.needsTitle')}</h2>
          {text('needsText', t('inventory.procedure.needsText'), { multiline: true, maxLength: 4000 })}
          {text('constraintLegal', t('inventory.procedure.constraintLegal'), { multiline: true, maxLength: 4000 })}
          {text('constraintOperational', t('inventory.procedure.constraintOperational'), { multiline: true, maxLength: 4000 })}
          {text('constraintTechnical', t('inventory.procedure.constraintTechnical'), { multiline: true, maxLength: 4000 })}
          <label className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              className="size-5"
              checked={form.excluded}
              onChange={(e) => setForm((f) => ({ ...f, excluded: e.target.checked }))}
              data-testid="field-excluded"
            />
            {t('inventory.form.excluded')}
          </label>
          {form.excluded && text('excludedReason', t('inventory.procedure.excludedReason'), { required: true, maxLength: 500 })}
        </section>
        <section className={sections}>
          <h2 className="mb-2 text-std-24B-150">{t('inventory.procedure.flowsTitle')}</h2>
          <FlowsEditor flows={form.flows} errors={errors} onChange={(flows) => setForm((f) => ({ ...f, flows }))} />
        </section>
        <button type="submit" className="btn-primary" disabled={saving} data-testid="procedure-save">
          {saving ? t('inventory.common.saving') : t('inventory.common.save')}
        </button>
      </form>
    </>
  );
}
