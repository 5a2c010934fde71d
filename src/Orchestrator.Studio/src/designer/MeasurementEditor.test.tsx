import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { MeasurementEditor } from './MeasurementEditor';
import { measurementOf } from './measurement';
import type { Activity } from './model';

function renderEditor(initial: Activity, ports: string[] = ['受理', '差戻し']) {
  let latest = initial;
  function Harness() {
    const [activity, setActivity] = useState(initial);
    return (
      <MeasurementEditor
        activity={activity}
        ports={ports}
        errors={[]}
        onChange={(next) => {
          setActivity(next);
          latest = next;
        }}
      />
    );
  }
  render(
    <I18nextProvider i18n={createI18n()}>
      <Harness />
    </I18nextProvider>,
  );
  return Object.assign(() => measurementOf(latest), { activity: () => latest });
}

describe('measurement tab', () => {
  it('writes each figure with its source and basis, the visit group, the rework outcome and a declared cost', () => {
    const latest = renderEditor({ id: 'intake', type: 'Orchestrator.HumanTask', customProperties: { measurement: { stepCode: 'OK-03', forms: 3 } } });

    const forms = screen.getByTestId('figure-forms');
    fireEvent.change(within(forms).getByTestId('source-forms'), { target: { value: 'published' } });
    fireEvent.change(within(forms).getByTestId('basis-forms'), { target: { value: '公表: 様式一覧' } });
    fireEvent.change(screen.getByTestId('source-standardEffortMinutes'), { target: { value: 'measured' } });
    fireEvent.change(screen.getByTestId('measurement-visitGroup'), { target: { value: '市役所の各課' } });
    fireEvent.click(within(screen.getByTestId('measurement-rework')).getByLabelText('差戻し'));
    fireEvent.click(screen.getByTestId('add-cost'));
    const cost = screen.getByTestId('cost-0');
    fireEvent.change(within(cost).getByLabelText('金額（円）'), { target: { value: '84' } });
    fireEvent.change(within(cost).getByTestId('source-cost-0'), { target: { value: 'published' } });

    expect(latest()).toEqual({
      stepCode: 'OK-03',
      forms: 3,
      provenance: { forms: { source: 'published', basis: '公表: 様式一覧' }, standardEffortMinutes: { source: 'measured' } },
      visitGroup: '市役所の各課',
      outcomes: { 差戻し: { rework: true } },
      costs: [{ kind: 'paper', yen: 84, source: 'published' }],
    });

    // Clearing a source and its basis removes the entry; unticking rework removes the outcome.
    fireEvent.change(within(forms).getByTestId('source-forms'), { target: { value: '' } });
    fireEvent.change(within(forms).getByTestId('basis-forms'), { target: { value: '' } });
    fireEvent.click(within(screen.getByTestId('measurement-rework')).getByLabelText('差戻し'));
    expect(latest().provenance).toEqual({ standardEffortMinutes: { source: 'measured' } });
    expect(latest().outcomes).toBeUndefined();
  });

  it('offers rework only for a step with more than one outcome', () => {
    renderEditor({ id: 'w', type: 'Elsa.WriteLine', customProperties: {} }, ['Done']);
    expect(screen.queryByTestId('measurement-rework')).toBeNull();
  });

  it('shows the shipped outcome weights with their source and writes a changed share beside the step’s other settings', () => {
    const latest = renderEditor({
      id: 'ok01',
      type: 'Orchestrator.HumanTask',
      customProperties: {
        other: 1,
        simulation: { outcomeWeights: { 受理: 0.95, 差戻し: 0.05 }, provenance: { outcomeWeights: { source: 'estimate', basis: '記載不備 5%' } } },
      },
    });

    const box = screen.getByTestId('measurement-outcomeWeights');
    expect((within(box).getByTestId('weight-差戻し') as HTMLInputElement).value).toBe('0.05');
    expect((within(box).getByTestId('source-outcomeWeights') as HTMLSelectElement).value).toBe('estimate');
    expect((within(box).getByTestId('basis-outcomeWeights') as HTMLInputElement).value).toBe('記載不備 5%');

    fireEvent.change(within(box).getByTestId('weight-差戻し'), { target: { value: '0.1' } });
    fireEvent.change(within(box).getByTestId('source-outcomeWeights'), { target: { value: 'measured' } });
    fireEvent.change(screen.getByTestId('measurement-actorChangeReason'), { target: { value: '紙の交付をシステム照会に置き換える' } });
    expect(latest.activity().customProperties).toEqual({
      other: 1,
      simulation: { outcomeWeights: { 受理: 0.95, 差戻し: 0.1 }, provenance: { outcomeWeights: { source: 'measured', basis: '記載不備 5%' } } },
      measurement: { actorChangeReason: '紙の交付をシステム照会に置き換える' },
    });
  });
});
