/** The areas of Studio and who may open them. A user with several roles sees the union. */

export const roles = ['Admin', 'Coordinator', 'Clerk', 'Evaluator'] as const;
export type Role = (typeof roles)[number];

export type AreaKey = 'home' | 'inventory' | 'issues' | 'workflows' | 'tasks' | 'pilots' | 'reports' | 'admin';

export interface Area {
  key: AreaKey;
  path: string;
  /** Roles that may open the area; `null` means every signed-in user. */
  allowed: readonly Role[] | null;
}

export const areas: readonly Area[] = [
  { key: 'home', path: '/', allowed: null },
  // The programme starts with the inventory, before any workflow is drawn; clerks do not see it.
  { key: 'inventory', path: '/inventory', allowed: ['Admin', 'Coordinator', 'Evaluator'] },
  // 課題・対応策: kept by coordinators from the inventory on; evaluators read them.
  { key: 'issues', path: '/issues', allowed: ['Admin', 'Coordinator', 'Evaluator'] },
  { key: 'workflows', path: '/workflows', allowed: ['Admin', 'Coordinator'] },
  { key: 'tasks', path: '/tasks', allowed: ['Admin', 'Coordinator', 'Clerk'] },
  { key: 'pilots', path: '/pilots', allowed: ['Admin', 'Coordinator'] },
  { key: 'reports', path: '/reports', allowed: ['Admin', 'Coordinator', 'Evaluator'] },
  { key: 'admin', path: '/admin', allowed: ['Admin'] },
];

export function canOpen(area: Area, userRoles: readonly string[]): boolean {
  return area.allowed === null || area.allowed.some((role) => userRoles.includes(role));
}

/** The navigation entries for a user's roles, in menu order. */
export function navFor(userRoles: readonly string[]): Area[] {
  return areas.filter((area) => canOpen(area, userRoles));
}

export function area(key: AreaKey): Area {
  const found = areas.find((a) => a.key === key);
  if (!found) throw new Error(`unknown area ${key}`);
  return found;
}

/** Known roles first, in a fixed order, so the header reads the same for everyone. */
export function knownRoles(userRoles: readonly string[]): Role[] {
  return roles.filter((role) => userRoles.includes(role));
}
