import { render, screen, within } from '@testing-library/react';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { descriptors, okuyamiDefinition } from '../test/workflows';
import { ActivityCard } from './ActivityCard';
import { CanvasContext } from './canvasContext';
import { rootOf, toCanvas, toElsa, type ActivityNode, type JsonObject } from './model';

/** The okuyami process with its second activity replaced by a type of another project. */
function withCustomActivity(): { definition: JsonObject; id: string } {
  const definition = okuyamiDefinition();
  const activities = rootOf(definition).activities as JsonObject[];
  const custom = activities[1]!;
  custom.type = 'Acme.Workflows.Stamp';
  custom.stampColour = 'red';
  return { definition, id: custom.id as string };
}

describe('an activity of an unknown type', () => {
  it('shows on the canvas as unknown, with its type named', () => {
    const { definition, id } = withCustomActivity();
    const node = toCanvas(definition, descriptors).nodes.find((n) => n.id === id)!;
    const decorations = { descriptors: new Map(descriptors.map((d) => [d.type, d])), problems: new Map(), runStats: null, overlay: null, readOnly: false };
    render(
      <I18nextProvider i18n={createI18n()}>
        <ReactFlowProvider>
          <CanvasContext.Provider value={decorations}>
            <ActivityCard {...({ id, data: node.data, selected: false, type: 'activity' } as unknown as NodeProps<ActivityNode>)} />
          </CanvasContext.Provider>
        </ReactFlowProvider>
      </I18nextProvider>,
    );

    const card = screen.getByTestId(`node-${id}`);
    expect(card.dataset.unknown).toBe('true');
    expect(within(card).getByTestId('card-unknown').textContent).toBe('未対応');
    expect(card.getAttribute('title')).toContain('Acme.Workflows.Stamp');
    expect(within(card).getByText('Acme.Workflows.Stamp')).toBeTruthy();
  });

  it('is saved back with its type and properties as they were', () => {
    const { definition, id } = withCustomActivity();
    const saved = toElsa(toCanvas(definition, descriptors), definition);
    const activity = (rootOf(saved).activities as JsonObject[]).find((a) => a.id === id)!;
    expect(activity.type).toBe('Acme.Workflows.Stamp');
    expect(activity.stampColour).toBe('red');
  });
});
