import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectFilter } from '../components/SelectFilter';
import { currentLanguage } from '../i18n';
import { listCycles, listDefinitionChoices, listOrganisations, listPilots } from '../pilots/api';
import { useResource, type Resource } from '../pilots/hooks';
import { modes, versionChoices, type ReportFilter } from './api';
import { cycleChoices, municipalityChoices, pilotChoices, processChoices, withCurrent, type Choice } from './choices';

type PickerKey = 'pilotId' | 'cycleId' | 'processKey' | 'municipality';

/**
 * The report's filters as pickers over the API's lists. The filter itself lives in the address, so a value the list
 * does not know still shows, and a list that cannot be loaded leaves a text input for that filter.
 */
export function Filters({ filter, onChange }: { filter: ReportFilter; onChange: (next: ReportFilter) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const ids = useId();
  const pilots = useResource((s) => listPilots(s), 'pilots');
  const definitions = useResource((s) => listDefinitionChoices(s), 'definitions');
  const organisations = useResource((s) => listOrganisations(s), 'organisations');
  const pilotId = filter.pilotId ?? '';
  const cycles = useResource((s) => (pilotId ? listCycles(pilotId, s) : Promise.resolve([])), pilotId);

  const choices = <T,>(list: Resource<T>, map: (data: T) => Choice[]): Resource<Choice[]> => ({ ...list, data: list.data && map(list.data) });
  const set = (key: PickerKey, value: string | undefined) => {
    if ((value ?? '') === (filter[key] ?? '')) return;
    // Cycles belong to a pilot: another pilot clears the cycle.
    onChange(key === 'pilotId' ? { ...filter, pilotId: value, cycleId: undefined } : { ...filter, [key]: value });
  };
  const picker = (key: PickerKey, list: Resource<Choice[]>, disabled = false) => (
    <Picker
      key={key}
      id={`${ids}-${key}`}
      label={t(`reports.filters.${key}`)}
      value={filter[key]}
      list={list}
      disabled={disabled}
      onChange={(v) => set(key, v)}
    />
  );

  return (
    <section aria-label={t('reports.filters.label')} className="no-print mb-6 flex flex-wrap items-start gap-4" data-testid="report-filters">
      {picker(
        'pilotId',
        choices(pilots, (p) => pilotChoices(p, language, t)),
      )}
      {/* Without a pilot there is nothing to pick, unless the address names a cycle that must stay clearable. */}
      {picker(
        'cycleId',
        choices(cycles, (c) => cycleChoices(c, t)),
        !pilotId && !filter.cycleId,
      )}
      {picker(
        'processKey',
        choices(definitions, (d) => processChoices(d, language)),
      )}
      {picker(
        'municipality',
        choices(organisations, (o) => municipalityChoices(o, language)),
      )}
      <SelectFilter
        label={t('reports.filters.mode')}
        value={filter.mode ?? 'auto'}
        options={modes.map((m) => ({ value: m, label: t(`reports.modes.${m}`) }))}
        onChange={(mode) => onChange({ ...filter, mode: mode as ReportFilter['mode'] })}
        width="min-w-44"
      />
      <SelectFilter
        label={t('reports.filters.versions')}
        value={filter.versions ?? 'latest'}
        options={versionChoices.map((v) => ({ value: v, label: t(`reports.versions.${v}`) }))}
        onChange={(versions) => onChange({ ...filter, versions: versions as ReportFilter['versions'] })}
        width="min-w-44"
      />
    </section>
  );
}

interface PickerProps {
  id: string;
  label: string;
  value: string | undefined;
  list: Resource<Choice[]>;
  disabled: boolean;
  onChange: (value: string | undefined) => void;
}

function Picker({ id, label, value, list, disabled, onChange }: PickerProps) {
  const { t } = useTranslation();
  const failed = !list.loading && list.error !== null && list.error !== undefined;
  return (
    <div className="flex max-w-full flex-col gap-1">
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-900">
        {label}
      </label>
      {failed ? (
        <>
          <input
            id={id}
            key={value ?? ''}
            className="text-input w-56"
            defaultValue={value ?? ''}
            aria-describedby={`${id}-note`}
            onBlur={(e) => onChange(e.target.value.trim() || undefined)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
          <p id={`${id}-note`} className="max-w-56 text-dns-14N-130 text-solid-gray-700">
            {t('reports.pickers.listFailed')}
          </p>
        </>
      ) : (
        <select
          id={id}
          className="text-input w-auto min-w-44 max-w-full disabled:cursor-not-allowed disabled:bg-solid-gray-50 disabled:text-solid-gray-600"
          value={list.loading ? '' : (value ?? '')}
          disabled={disabled || list.loading}
          aria-busy={list.loading || undefined}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          {list.loading ? (
            <option value="">{t('reports.pickers.loading')}</option>
          ) : (
            <>
              <option value="">{t('reports.pickers.all')}</option>
              {withCurrent(list.data ?? [], value).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </>
          )}
        </select>
      )}
    </div>
  );
}
