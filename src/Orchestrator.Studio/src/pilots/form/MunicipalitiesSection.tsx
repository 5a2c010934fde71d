import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { OrganisationEntry } from '../api';
import { organisationName } from '../format';
import { fieldId } from '../validation';
import { FieldError, FormSection, Hint, describedBy, type SectionProps } from './controls';

/** The chosen codes in the catalogue's order (codes the catalogue does not know stay, at the end). */
export function toggleMunicipality(selected: readonly string[], code: string, on: boolean, catalogue: readonly string[]): string[] {
  const chosen = new Set(selected);
  if (on) chosen.add(code);
  else chosen.delete(code);
  return [...catalogue.filter((c) => chosen.has(c)), ...selected.filter((c) => chosen.has(c) && !catalogue.includes(c))];
}

export function MunicipalitiesSection({ form, update, errors, organisations }: SectionProps & { organisations: readonly OrganisationEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const municipalities = organisations.filter((o) => o.level === 'Municipality');
  const catalogue = municipalities.map((m) => m.code);
  const unknown = form.municipalities.filter((code) => !catalogue.includes(code));
  const id = fieldId('municipalities');
  return (
    <FormSection title={t('pilots.form.municipalities')} testId="section-municipalities">
      <fieldset id={id} tabIndex={-1} aria-describedby={describedBy('municipalities', errors, true)} className="flex flex-col gap-3">
        <legend className="sr-only">{t('pilots.form.municipalities')}</legend>
        <Hint field="municipalities">{t('pilots.form.municipalitiesHint')}</Hint>
        {[...municipalities.map((m) => m.code), ...unknown].map((code) => (
          <div key={code} className="flex items-center gap-3">
            <input
              id={`${id}-${code}`}
              type="checkbox"
              className="size-6 shrink-0 accent-blue-900"
              checked={form.municipalities.includes(code)}
              onChange={(e) => {
                const on = e.target.checked;
                update((f) => ({ ...f, municipalities: toggleMunicipality(f.municipalities, code, on, catalogue) }));
              }}
              data-testid={`municipality-${code}`}
            />
            <label htmlFor={`${id}-${code}`}>{t('pilots.form.municipalityOption', { name: organisationName(code, organisations, language), code })}</label>
          </div>
        ))}
        <FieldError field="municipalities" errors={errors} />
      </fieldset>
    </FormSection>
  );
}
