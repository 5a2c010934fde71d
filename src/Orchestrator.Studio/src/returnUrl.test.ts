import { describe, expect, it } from 'vitest';
import { isServerPath, loginUrlFor, readReturnUrl } from './returnUrl';

describe('readReturnUrl', () => {
  it('takes the server challenge parameter and the lower-case one', () => {
    expect(readReturnUrl('?ReturnUrl=%2Fhangfire')).toBe('/hangfire');
    expect(readReturnUrl('?returnUrl=%2Ftasks%3Fstatus%3Dopen')).toBe('/tasks?status=open');
  });

  it('falls back to home for missing, foreign or looping targets', () => {
    expect(readReturnUrl('')).toBe('/');
    expect(readReturnUrl('?ReturnUrl=https%3A%2F%2Fevil.example%2F')).toBe('/');
    expect(readReturnUrl('?ReturnUrl=%2F%2Fevil.example')).toBe('/');
    expect(readReturnUrl('?ReturnUrl=%2F%5Cevil.example')).toBe('/');
    expect(readReturnUrl('?ReturnUrl=%2F%09%2Fevil.example')).toBe('/');
    expect(readReturnUrl('?ReturnUrl=%2Flogin')).toBe('/');
    expect(readReturnUrl('?ReturnUrl=javascript%3Aalert(1)')).toBe('/');
  });
});

describe('isServerPath', () => {
  it('tells server pages from Studio routes', () => {
    expect(isServerPath('/hangfire')).toBe(true);
    expect(isServerPath('/hangfire/jobs/failed')).toBe(true);
    expect(isServerPath('/scalar')).toBe(true);
    expect(isServerPath('/tasks')).toBe(false);
    expect(isServerPath('/scalarish')).toBe(false);
    expect(isServerPath('/')).toBe(false);
  });
});

describe('loginUrlFor', () => {
  it('remembers the page the user wanted, except home', () => {
    expect(loginUrlFor('/reports?pilotId=3')).toBe('/login?ReturnUrl=%2Freports%3FpilotId%3D3');
    expect(loginUrlFor('/')).toBe('/login');
  });
});
