import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n';
import { pilotView } from '../test/pilots';
import { Dialog } from './Dialog';
import { pilotUses } from './PublishDialog';

describe('publish dialog', () => {
  it('finds every arm of every pilot that runs the definition, pinned or following', () => {
    const pilots = [pilotView(), pilotView({ id: 'other' }, { processes: [] })];
    const asIs = pilotUses(pilots, 'okuyami-asis');
    expect(asIs.map((u) => [u.pilot.id, u.arm, u.pinnedVersion])).toEqual([['okuyami-sim', 'AsIs', 2]]);
    expect(pilotUses(pilots, 'okuyami-tobe').map((u) => [u.pilot.id, u.arm, u.pinnedVersion])).toEqual([['okuyami-sim', 'ToBe', null]]);
    expect(pilotUses(pilots, 'nobody')).toEqual([]);
  });
});

describe('dialog', () => {
  it('keeps Tab inside and gives the focus back to what opened it', async () => {
    const i18n = createI18n();
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    const onClose = vi.fn();
    const { unmount } = render(
      <I18nextProvider i18n={i18n}>
        <Dialog title="テスト" onClose={onClose}>
          <button type="button">一つ目</button>
          <button type="button">二つ目</button>
        </Dialog>
      </I18nextProvider>,
    );
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(dialog);
    const user = userEvent.setup();
    for (let i = 0; i < 7; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
