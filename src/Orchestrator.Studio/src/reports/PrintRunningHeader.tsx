import { useEffect } from 'react';
import { adoptStyles } from '../deliverables/adoptStyles';

/**
 * The running header of the printed report: its title and the pilot's name at the top right of every A4 page, in the
 * page margin beside the page number the print stylesheet puts at the bottom. CSS cannot read the name from the page
 * (Chromium has no string-set), so the page rule is written with it while the page is open.
 */
export function PrintRunningHeader({ text }: { text: string }) {
  const css = runningHeaderCss(text);
  useEffect(() => adoptStyles(css), [css]);
  return null;
}

export function runningHeaderCss(text: string): string {
  return `@media print { @page { @top-right { content: ${cssString(text)}; font-size: 8pt; color: #444; } } }`;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}
