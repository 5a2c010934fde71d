import { describe, expect, it } from 'vitest';
import { okuyamiDefinition } from '../test/workflows';
import { emptyDefinition } from './emptyDefinition';
import { newVariableId, processSettings, variablesOf, withProcessSettings, withVariables } from './settings';

describe('workflow settings', () => {
  it('reads and writes the process key, arm and titles without losing other custom properties', () => {
    const definition = { ...okuyamiDefinition(), customProperties: { ...(okuyamiDefinition().customProperties as object), other: 1 } };
    expect(processSettings(definition)).toEqual({ processKey: 'okuyami', arm: 'AsIs', titleJa: 'おくやみ手続', titleEn: 'Bereavement procedures' });
    const next = withProcessSettings(definition, { processKey: 'okuyami', arm: 'ToBe', titleJa: 'おくやみ', titleEn: '' });
    expect(next.customProperties).toEqual({ orchestrator: { processKey: 'okuyami', arm: 'ToBe', title: { ja: 'おくやみ', en: '' } }, other: 1 });
    expect(processSettings(emptyDefinition('x'))).toEqual({ processKey: '', arm: 'AsIs', titleJa: '', titleEn: '' });
  });

  it('edits variables and keeps members it does not show', () => {
    const definition = okuyamiDefinition();
    const variables = variablesOf(definition);
    expect(variables).toEqual([{ id: 'v-form', name: 'form', typeName: 'Object', value: '', labelJa: '', labelEn: '' }]);
    const id = newVariableId('caseId', variables);
    const next = withVariables(definition, [...variables, { id, name: 'caseId', typeName: 'String', value: 'C-1', labelJa: '案件番号', labelEn: 'Case ID' }]);
    expect(next.variables).toEqual([
      {
        id: 'v-form',
        name: 'form',
        typeName: 'Object',
        isArray: false,
        value: null,
        storageDriverTypeName: 'Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core',
      },
      {
        id: 'v-caseId',
        name: 'caseId',
        typeName: 'String',
        isArray: false,
        value: 'C-1',
        storageDriverTypeName: 'Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core',
        displayName: { ja: '案件番号', en: 'Case ID' },
      },
    ]);
    // Display names are read back, and clearing both removes them.
    expect(variablesOf(next)[1]).toMatchObject({ labelJa: '案件番号', labelEn: 'Case ID' });
    expect(
      (
        withVariables(
          next,
          variablesOf(next).map((v) => ({ ...v, labelJa: '', labelEn: '' })),
        ).variables as object[]
      )[1],
    ).not.toHaveProperty('displayName');
    expect(newVariableId('form', variables)).toBe('v-form2');
  });
});
