/** The report filters' choices, made from the lists the API gives (pilots, cycles, definitions, organisations). */
import type { Language } from '../i18n';
import type { CycleView, DefinitionChoice, OrganisationEntry, PilotView } from '../pilots/api';
import { localName } from '../pilots/format';

export interface Choice {
  value: string;
  label: string;
}

/** Translates a text key with values (i18next's t). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** "おくやみ実証 (シミュレーション)": each pilot by name, with its mode; the id when it has no name. */
export function pilotChoices(pilots: readonly PilotView[], language: Language, t: Translate): Choice[] {
  return pilots.map((p) => ({
    value: p.id,
    label: t('reports.pickers.pilot', { name: localName(p.name, language, p.id), mode: t(`reports.pickers.mode.${p.mode}`, { defaultValue: p.mode }) }),
  }));
}

/** "第 3 回 (終了・シミュレーション)", in the server's order (newest first). */
export function cycleChoices(cycles: readonly CycleView[], t: Translate): Choice[] {
  return cycles.map((c) => ({
    value: c.id,
    label: t('reports.pickers.cycle', {
      number: c.number,
      status: t(`reports.pickers.cycleStatus.${c.status}`, { defaultValue: c.status }),
      kind: t(c.simulated ? 'reports.pickers.simulated' : 'reports.pickers.live'),
    }),
  }));
}

// Definitions are named "おくやみ手続 (現行)" / "おくやみ手続（改革後）"; without the arm the name is the process's.
const armSuffix = /\s*[(（]\s*(現行|改革後)\s*[)）]\s*$/;

/**
 * The process's name: its as-is definition's name without "(現行)", else another of its definitions'; in English the
 * English title the definitions carry, when they have one.
 */
export function processName(definitions: readonly DefinitionChoice[], language: Language = 'ja'): string {
  const ordered = [...definitions].sort((a, b) => Number(b.arm === 'AsIs') - Number(a.arm === 'AsIs'));
  for (const d of language === 'en' ? ordered : []) {
    const title = d.titleEn?.trim();
    if (title) return title;
  }
  for (const d of ordered) {
    const name = d.name.replace(armSuffix, '').trim();
    if (name) return name;
  }
  return '';
}

/** One choice per process key, "おくやみ手続 (okuyami)", sorted by name; the key alone when no name says more. */
export function processChoices(definitions: readonly DefinitionChoice[], language: Language = 'ja'): Choice[] {
  const byKey = new Map<string, DefinitionChoice[]>();
  for (const d of definitions) {
    const key = d.processKey?.trim();
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), d]);
  }
  return [...byKey]
    .map(([key, list]) => {
      const name = processName(list, language);
      return { value: key, label: name && name !== key ? `${name} (${key})` : key };
    })
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** "千代田区 (131016)": the municipalities only, by code. */
export function municipalityChoices(organisations: readonly OrganisationEntry[], language: Language): Choice[] {
  return organisations
    .filter((o) => o.level === 'Municipality')
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((o) => {
      const name = (language === 'en' ? o.nameEn || o.nameJa : o.nameJa || o.nameEn) || '';
      return { value: o.code, label: name ? `${name} (${o.code})` : o.code };
    });
}

/** The choices, led by the current value as its raw id when the list does not know it (a link keeps its filter). */
export function withCurrent(choices: readonly Choice[], current: string | undefined): Choice[] {
  if (!current || choices.some((c) => c.value === current)) return [...choices];
  return [{ value: current, label: current }, ...choices];
}
