import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { OrganisationEntry } from '../api';
import { emptyClerkRow, emptyHolidayRow, type ClerkRow, type HolidayRow, type SimulationForm } from '../form';
import { fieldId } from '../validation';
import { timeZonesListId } from './ScheduleSection';
import { CheckboxField, FieldError, FormSection, Hint, SelectField, TextField, type SectionProps } from './controls';

type SimulationProps = SectionProps & { organisations: readonly OrganisationEntry[] };

function useSimulationUpdate(update: SectionProps['update']) {
  return (change: (sim: SimulationForm) => SimulationForm) => update((f) => ({ ...f, simulation: change(f.simulation) }));
}

function ClerkRows({ form, update, errors, organisations }: SimulationProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const setSim = useSimulationUpdate(update);
  const rows = form.simulation.clerks;
  const setRow = (index: number, row: ClerkRow) => setSim((s) => ({ ...s, clerks: s.clerks.map((r, i) => (i === index ? row : r)) }));
  const options = organisations.map((o) => ({
    value: o.code,
    label: t('pilots.form.municipalityOption', { name: language === 'en' ? o.nameEn || o.nameJa : o.nameJa || o.nameEn, code: o.code }),
  }));
  return (
    <fieldset className="flex flex-col gap-3" data-testid="clerk-rows">
      <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{t('pilots.form.clerks')}</legend>
      {rows.map((row, index) => (
        <div
          key={row.rowId}
          role="group"
          aria-label={t('pilots.form.clerkRow', { number: index + 1 })}
          className="flex flex-wrap items-end gap-4"
          data-testid={`clerk-row-${index}`}
        >
          <SelectField
            field={`simulation.clerks.${index}.code`}
            label={t('pilots.form.clerkOrganisation')}
            value={row.code}
            onChange={(code) => setRow(index, { ...row, code })}
            errors={errors}
            options={options}
            placeholder={t('pilots.form.choose')}
            width="max-w-md"
          />
          <TextField
            field={`simulation.clerks.${index}.count`}
            label={t('pilots.form.clerkCount')}
            type="number"
            min={1}
            value={row.count}
            onChange={(count) => setRow(index, { ...row, count })}
            errors={errors}
            width="max-w-32"
          />
          <button type="button" className="btn-secondary" onClick={() => setSim((s) => ({ ...s, clerks: s.clerks.filter((_, i) => i !== index) }))}>
            {t('pilots.form.removeClerk', { number: index + 1 })}
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => setSim((s) => ({ ...s, clerks: [...s.clerks, emptyClerkRow()] }))}
          data-testid="clerk-add"
        >
          {t('pilots.form.addClerk')}
        </button>
      </div>
    </fieldset>
  );
}

function HolidayRows({ form, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const setSim = useSimulationUpdate(update);
  const rows = form.simulation.holidays;
  const setRow = (index: number, row: HolidayRow) => setSim((s) => ({ ...s, holidays: s.holidays.map((r, i) => (i === index ? row : r)) }));
  return (
    <fieldset className="flex flex-col gap-3" data-testid="holiday-rows">
      <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{t('pilots.form.holidays')}</legend>
      <Hint field="simulation.holidays">{t('pilots.form.holidaysHint')}</Hint>
      {rows.length === 0 && <p className="text-solid-gray-700">{t('pilots.form.noHolidays')}</p>}
      {rows.map((row, index) => (
        <div
          key={row.rowId}
          role="group"
          aria-label={t('pilots.form.holidayRow', { number: index + 1 })}
          className="flex flex-wrap items-end gap-4"
          data-testid={`holiday-row-${index}`}
        >
          <TextField
            field={`simulation.holidays.${index}.date`}
            label={t('pilots.form.holidayDate')}
            type="date"
            value={row.date}
            onChange={(date) => setRow(index, { ...row, date })}
            errors={errors}
            width="max-w-56"
          />
          <TextField
            field={`simulation.holidays.${index}.name`}
            label={t('pilots.form.holidayName')}
            value={row.name}
            onChange={(name) => setRow(index, { ...row, name })}
            errors={errors}
            width="max-w-64"
          />
          <button type="button" className="btn-secondary" onClick={() => setSim((s) => ({ ...s, holidays: s.holidays.filter((_, i) => i !== index) }))}>
            {t('pilots.form.removeHoliday', { number: index + 1 })}
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => setSim((s) => ({ ...s, holidays: [...s.holidays, emptyHolidayRow()] }))}
          data-testid="holiday-add"
        >
          {t('pilots.form.addHoliday')}
        </button>
      </div>
    </fieldset>
  );
}

/** Seed, simulated clerks and the office calendar: only a simulated pilot has them. */
export function SimulationSection(props: SimulationProps) {
  const { form, update, errors } = props;
  const { t } = useTranslation();
  const setSim = useSimulationUpdate(update);
  const sim = form.simulation;
  return (
    <FormSection title={t('pilots.form.simulation')} testId="section-simulation">
      <TextField
        field="simulation.seed"
        label={t('pilots.form.simulationSeed')}
        hint={t('pilots.form.simulationSeedHint')}
        type="number"
        value={sim.seed}
        onChange={(seed) => setSim((s) => ({ ...s, seed }))}
        errors={errors}
        required
        width="max-w-64"
      />
      <TextField
        field="simulation.clerkDefault"
        label={t('pilots.form.clerkDefault')}
        type="number"
        min={1}
        value={sim.clerkDefault}
        onChange={(clerkDefault) => setSim((s) => ({ ...s, clerkDefault }))}
        errors={errors}
        required
        width="max-w-32"
      />
      <ClerkRows {...props} />
      <div id={fieldId('simulation.calendar')} tabIndex={-1} className="flex flex-col gap-4">
        <CheckboxField
          field="simulation.ownCalendar"
          label={t('pilots.form.ownCalendar')}
          checked={sim.ownCalendar}
          onChange={(ownCalendar) => setSim((s) => ({ ...s, ownCalendar }))}
          errors={errors}
        />
        <FieldError field="simulation.calendar" errors={errors} />
        {sim.ownCalendar && (
          <>
            <TextField
              field="simulation.calendarTimeZone"
              label={t('pilots.form.calendarTimeZone')}
              value={sim.calendarTimeZone}
              onChange={(calendarTimeZone) => setSim((s) => ({ ...s, calendarTimeZone }))}
              errors={errors}
              list={timeZonesListId}
              width="max-w-md"
            />
            <div className="flex flex-wrap gap-6">
              <TextField
                field="simulation.opensAt"
                label={t('pilots.form.opensAt')}
                type="time"
                value={sim.opensAt}
                onChange={(opensAt) => setSim((s) => ({ ...s, opensAt }))}
                errors={errors}
                width="max-w-40"
              />
              <TextField
                field="simulation.closesAt"
                label={t('pilots.form.closesAt')}
                type="time"
                value={sim.closesAt}
                onChange={(closesAt) => setSim((s) => ({ ...s, closesAt }))}
                errors={errors}
                width="max-w-40"
              />
            </div>
            <CheckboxField
              field="simulation.yearEndClosure"
              label={t('pilots.form.yearEndClosure')}
              checked={sim.yearEndClosure}
              onChange={(yearEndClosure) => setSim((s) => ({ ...s, yearEndClosure }))}
              errors={errors}
            />
            <HolidayRows form={form} update={update} errors={errors} />
          </>
        )}
      </div>
    </FormSection>
  );
}
