import { describe, expect, it } from 'vitest';
import { cssString, runningHeaderCss } from './PrintRunningHeader';

describe('running header of the printed report', () => {
  it('writes the title and pilot name into the top margin of every printed page', () => {
    expect(runningHeaderCss('成果報告書 — デモ: 4 プロセスのシミュレーション')).toBe(
      '@media print { @page { @top-right { content: "成果報告書 — デモ: 4 プロセスのシミュレーション"; font-size: 8pt; color: #444; } } }',
    );
  });

  it('keeps a name with quotes, backslashes or line breaks inside the string', () => {
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
  });
});
