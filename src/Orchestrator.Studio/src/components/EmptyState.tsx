import type { ReactNode } from 'react';

/** Says in a box that a list has nothing to show, and usually what to do about it. */
export function EmptyState({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-6" data-testid={testId}>
      {children}
    </p>
  );
}
