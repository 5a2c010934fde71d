import type { Language } from '../i18n';
import type { CycleView, DefinitionChoice, OrganisationEntry, PilotView } from '../pilots/api';
import { localName } from '../pilots/format';
import { filterKeys, type ReportFilter } from './api';
import { processName, type Translate } from './choices';

/** What the Studio knows of the filter's pilot, cycle, processes and municipalities; null while loading or when unknown. */
export interface ConditionLookups {
  pilot: PilotView | null;
  cycle: CycleView | null;
  definitions: readonly DefinitionChoice[] | null;
  organisations: readonly OrganisationEntry[] | null;
}

/** The pilot's name for the report's title; its id only while nothing better is known. */
export function pilotTitle(filter: ReportFilter, pilot: PilotView | null, language: Language): string | null {
  if (!filter.pilotId) return null;
  return pilot && pilot.id === filter.pilotId ? localName(pilot.name, language, filter.pilotId) : null;
}

/** "パイロット: おくやみ実証 / 業務: おくやみ手続 / 市町村: 千代田区": the filter in words, by name, not by id. */
export function printConditions(filter: ReportFilter, lookups: ConditionLookups, language: Language, t: Translate): string[] {
  const value = (key: (typeof filterKeys)[number], raw: string): string => {
    switch (key) {
      case 'pilotId':
        return pilotTitle(filter, lookups.pilot, language) ?? raw;
      case 'cycleId':
        return lookups.cycle?.id === raw ? t('reports.print.cycle', { number: lookups.cycle.number }) : raw;
      case 'processKey':
        return (
          processName(
            (lookups.definitions ?? []).filter((d) => d.processKey === raw),
            language,
          ) || raw
        );
      case 'municipality': {
        const o = lookups.organisations?.find((x) => x.code === raw);
        return (o && (language === 'en' ? o.nameEn || o.nameJa : o.nameJa || o.nameEn)) || raw;
      }
      case 'mode':
        return t(`reports.modes.${raw}`, { defaultValue: raw });
      case 'versions':
        return t(`reports.versions.${raw}`, { defaultValue: raw });
    }
  };
  return filterKeys.flatMap((k) => {
    const raw = filter[k];
    return raw ? [`${t(`reports.filters.${k}`)}: ${value(k, raw)}`] : [];
  });
}
