/** The workflow-level settings the designer edits: process key and arm, titles, variables. */
import { isObject, type Json, type JsonObject } from './model';

export type Arm = 'AsIs' | 'ToBe';

export interface ProcessSettings {
  processKey: string;
  arm: Arm;
  titleJa: string;
  titleEn: string;
}

export function processSettings(definition: JsonObject): ProcessSettings {
  const custom = isObject(definition.customProperties) ? definition.customProperties : {};
  const orchestrator = isObject(custom.orchestrator) ? custom.orchestrator : {};
  const title = isObject(orchestrator.title) ? orchestrator.title : {};
  return {
    processKey: typeof orchestrator.processKey === 'string' ? orchestrator.processKey : '',
    arm: orchestrator.arm === 'ToBe' ? 'ToBe' : 'AsIs',
    titleJa: typeof title.ja === 'string' ? title.ja : '',
    titleEn: typeof title.en === 'string' ? title.en : '',
  };
}

/** A copy with `customProperties.orchestrator` set; other custom properties and members stay. */
export function withProcessSettings(definition: JsonObject, settings: ProcessSettings): JsonObject {
  const custom = isObject(definition.customProperties) ? { ...definition.customProperties } : {};
  const orchestrator: JsonObject = isObject(custom.orchestrator) ? { ...custom.orchestrator } : {};
  orchestrator.processKey = settings.processKey;
  orchestrator.arm = settings.arm;
  if (settings.titleJa || settings.titleEn) orchestrator.title = { ja: settings.titleJa, en: settings.titleEn };
  else delete orchestrator.title;
  custom.orchestrator = orchestrator;
  return { ...definition, customProperties: custom };
}

export interface Variable {
  id: string;
  name: string;
  typeName: string;
  value: string;
  /** The name a clerk reads in 案件情報 (`displayName.ja` / `.en`); empty = the variable's name. */
  labelJa?: string;
  labelEn?: string;
}

export const variableTypes = ['String', 'Int32', 'Double', 'Boolean', 'Object', 'DateTime'] as const;

export function variablesOf(definition: JsonObject): Variable[] {
  const list = Array.isArray(definition.variables) ? definition.variables : [];
  return list.filter(isObject).map((v) => {
    const label = isObject(v.displayName) ? v.displayName : {};
    return {
      id: typeof v.id === 'string' ? v.id : String(v.name ?? ''),
      name: typeof v.name === 'string' ? v.name : '',
      typeName: typeof v.typeName === 'string' ? v.typeName : 'Object',
      value: v.value === null || v.value === undefined ? '' : typeof v.value === 'string' ? v.value : JSON.stringify(v.value),
      labelJa: typeof label.ja === 'string' ? label.ja : '',
      labelEn: typeof label.en === 'string' ? label.en : '',
    };
  });
}

/** Writes the variables back, keeping each existing variable's other members (storage driver, isArray…). */
export function withVariables(definition: JsonObject, variables: readonly Variable[]): JsonObject {
  const existing = new Map<string, JsonObject>();
  for (const v of Array.isArray(definition.variables) ? definition.variables : []) if (isObject(v) && typeof v.id === 'string') existing.set(v.id, v);
  const written: Json[] = variables.map((v) => {
    const { displayName: _old, ...kept } = existing.get(v.id) ?? {
      isArray: false,
      storageDriverTypeName: 'Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core',
    };
    const written: JsonObject = { ...kept, id: v.id, name: v.name, typeName: v.typeName, value: v.value === '' ? null : v.value };
    if (v.labelJa || v.labelEn) written.displayName = { ja: v.labelJa ?? '', en: v.labelEn ?? '' };
    return written;
  });
  return { ...definition, variables: written };
}

/** A variable id that no variable has yet: `v-<name>` when the name allows it. */
export function newVariableId(name: string, taken: readonly Variable[]): string {
  const base = `v-${name.replace(/[^A-Za-z0-9_-]/g, '') || 'variable'}`;
  const ids = new Set(taken.map((v) => v.id));
  if (!ids.has(base)) return base;
  for (let n = 2; ; n++) if (!ids.has(`${base}${n}`)) return `${base}${n}`;
}
