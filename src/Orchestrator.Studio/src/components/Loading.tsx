import type { ReactNode } from 'react';

/** The polite "読み込み中…" line a page shows until its first answer comes. */
export function Loading({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p role="status" data-testid={testId}>
      {children}
    </p>
  );
}
