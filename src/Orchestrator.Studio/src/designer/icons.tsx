/** Small line icons for activity types (by type, else by category). Decorative: the type name is always written. */
const paths: Record<string, string> = {
  start: 'M6 4l10 6-10 6z',
  end: 'M5 5h10v10H5z',
  person: 'M10 10a3 3 0 100-6 3 3 0 000 6zm-6 7c0-3.3 2.7-5 6-5s6 1.7 6 5',
  building: 'M4 17V7l6-4 6 4v10M8 17v-4h4v4M7 9h1M12 9h1',
  transfer: 'M3 7h12l-3-3M17 13H5l3 3',
  branch: 'M10 3l7 7-7 7-7-7z',
  fork: 'M10 17V9M10 9L4 3M10 9l6-6',
  clock: 'M10 17a7 7 0 100-14 7 7 0 000 14zm0-10v3l2 2',
  bolt: 'M11 2L4 11h5l-1 7 7-9h-5z',
  text: 'M4 5h12M4 10h12M4 15h8',
  globe: 'M10 17a7 7 0 100-14 7 7 0 000 14zM3 10h14M10 3c2 2 3 4.5 3 7s-1 5-3 7c-2-2-3-4.5-3-7s1-5 3-7z',
  warning: 'M10 3l8 14H2zM10 8v4M10 14v1',
  box: 'M3 6l7-3 7 3v8l-7 3-7-3zM3 6l7 3 7-3M10 9v8',
};

const byType: Record<string, string> = {
  'Elsa.Start': 'start',
  'Elsa.End': 'end',
  'Elsa.Finish': 'end',
  'Orchestrator.HumanTask': 'person',
  'Orchestrator.AgencyCall': 'building',
  'Orchestrator.Handoff': 'transfer',
  'Elsa.FlowDecision': 'branch',
  'Elsa.FlowSwitch': 'branch',
  'Elsa.FlowFork': 'fork',
  'Elsa.FlowJoin': 'fork',
  'Elsa.Fault': 'warning',
  'Elsa.FlowSendHttpRequest': 'globe',
  'Elsa.RunTask': 'person',
};

const byCategory: Record<string, string> = {
  Scheduling: 'clock',
  Events: 'bolt',
  Primitives: 'text',
  Branching: 'branch',
  HTTP: 'globe',
  Orchestrator: 'person',
};

export function ActivityIcon({ type, category, className = 'size-5' }: { type: string; category?: string | undefined; className?: string }) {
  const key = byType[type] ?? (category ? byCategory[category] : undefined) ?? 'box';
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 20 20"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[key]} />
    </svg>
  );
}
