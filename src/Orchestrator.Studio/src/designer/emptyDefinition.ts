import type { JsonObject } from './model';

/** An empty definition: a fresh flowchart with no activities (the canvas shows how to begin). */
export function emptyDefinition(name: string): JsonObject {
  return {
    name,
    description: '',
    version: 1,
    toolVersion: '3.3.0.0',
    variables: [],
    inputs: [],
    outputs: [],
    outcomes: [],
    customProperties: { orchestrator: { processKey: '', arm: 'AsIs' } },
    options: { autoUpdateConsumingWorkflows: false },
    root: {
      type: 'Elsa.Flowchart',
      id: 'flowchart1',
      nodeId: 'Workflow1:flowchart1',
      name: 'Flowchart1',
      version: 1,
      customProperties: {},
      metadata: {},
      activities: [],
      connections: [],
      variables: [],
    },
  };
}
