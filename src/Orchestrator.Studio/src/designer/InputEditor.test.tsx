import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { descriptors } from '../test/workflows';
import { InputEditor } from './InputEditor';
import { readInput, type Activity } from './model';

function Harness({ initial, input, onActivity }: { initial: Activity; input: string; onActivity: (a: Activity) => void }) {
  const [activity, setActivity] = useState(initial);
  const descriptor = descriptors.find((d) => d.type === initial.type)!;
  return (
    <InputEditor
      activity={activity}
      input={descriptor.inputs.find((i) => i.name === input)!}
      variables={[]}
      errors={[]}
      onChange={(next) => {
        setActivity(next);
        onActivity(next);
      }}
    />
  );
}

function renderEditor(initial: Activity, input: string) {
  let latest = initial;
  render(
    <I18nextProvider i18n={createI18n()}>
      <Harness initial={initial} input={input} onActivity={(a) => (latest = a)} />
    </I18nextProvider>,
  );
  return () => latest;
}

describe('input editor', () => {
  it('writes a literal, then keeps the text when the language changes to JavaScript', () => {
    const latest = renderEditor({ id: 'w', type: 'Elsa.WriteLine' }, 'text');
    fireEvent.change(screen.getByTestId('input-text'), { target: { value: '受付完了' } });
    expect(latest().text).toEqual({ typeName: 'String', expression: { type: 'Literal', value: '受付完了' } });
    fireEvent.change(screen.getByLabelText('「テキスト」の書き方'), { target: { value: 'JavaScript' } });
    expect(readInput(latest(), 'text')).toEqual({ typeName: 'String', expressionType: 'JavaScript', value: '受付完了' });
    expect(screen.getByTestId('input-text').tagName).toBe('TEXTAREA');
    // Back to a literal, and an emptied box removes the input.
    fireEvent.change(screen.getByLabelText('「テキスト」の書き方'), { target: { value: 'Literal' } });
    expect(readInput(latest(), 'text')).toEqual({ typeName: 'String', expressionType: 'Literal', value: '受付完了' });
    fireEvent.change(screen.getByTestId('input-text'), { target: { value: '' } });
    expect(latest().text).toBeUndefined();
  });

  it('edits HumanTask outcomes one entry per box, which become the ports', () => {
    const latest = renderEditor(
      { id: 'h', type: 'Orchestrator.HumanTask', outcomes: { typeName: 'Object', expression: { type: 'Object', value: ['受理'] } } },
      'outcomes',
    );
    fireEvent.click(screen.getByRole('button', { name: '＋ 追加' }));
    fireEvent.change(screen.getByLabelText('結果 2 件目'), { target: { value: '差戻し' } });
    expect(readInput(latest(), 'outcomes')?.value).toEqual(['受理', '差戻し']);
    fireEvent.click(screen.getByRole('button', { name: '結果 1 件目を削除' }));
    expect(readInput(latest(), 'outcomes')?.value).toEqual(['差戻し']);
  });

  it('keeps invalid JSON in the box, says so, and writes it once it parses', () => {
    const latest = renderEditor({ id: 'p', type: 'Elsa.PublishEvent' }, 'payload');
    const box = screen.getByTestId('input-payload');
    fireEvent.change(box, { target: { value: '{"caseId": ' } });
    expect(screen.getByText(/JSON の形式が正しくありません/)).toBeTruthy();
    expect(latest().payload).toBeUndefined();
    fireEvent.change(box, { target: { value: '{"caseId": "C-1"}' } });
    expect(screen.queryByText(/JSON の形式が正しくありません/)).toBeNull();
    expect(latest().payload).toEqual({ typeName: 'Object', expression: { type: 'Object', value: { caseId: 'C-1' } } });
  });
});
