import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

const keys = (roles: string[]) => navFor(roles).map((a) => a.key);

describe('navFor', () => {
  it('gives a clerk home and tasks', () => {
    expect(keys(['Clerk'])).toEqual(['home', 'tasks']);
  });

  it('gives a coordinator everything but administration', () => {
    expect(keys(['Coordinator'])).toEqual(['home', 'inventory', 'issues', 'workflows', 'tasks', 'pilots', 'reports']);
  });

  it('gives an evaluator home, the inventory and reports', () => {
    expect(keys(['Evaluator'])).toEqual(['home', 'inventory', 'issues', 'reports']);
  });

  it('gives an admin every area', () => {
    expect(keys(['Admin'])).toEqual(['home', 'inventory', 'issues', 'workflows', 'tasks', 'pilots', 'reports', 'admin']);
  });

  it('unites the areas of several roles, in menu order', () => {
    expect(keys(['Evaluator', 'Clerk'])).toEqual(['home', 'inventory', 'issues', 'tasks', 'reports']);
  });

  it('gives a user without a known role only home', () => {
    expect(keys([])).toEqual(['home']);
    expect(keys(['Auditor'])).toEqual(['home']);
  });
});
