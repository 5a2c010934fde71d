import { useId, type ReactNode } from 'react';

/** The look of the task screen's definition lists (label beside value from the small breakpoint on). */
export const dlClass = 'grid grid-cols-1 gap-x-6 gap-y-2 rounded-8 border border-solid-gray-420 bg-white p-6 sm:grid-cols-[minmax(10rem,auto)_1fr]';

/** A titled part of the task screen. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mb-8 max-w-4xl" data-testid={testId}>
      <h2 id={headingId} className="mb-3 text-std-24B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
