import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

// Lazily loaded screens (the designer) took 2.3–2.7 s to appear on a busy 2-core machine: findBy* waits up to 5 s
// rather than the library's 1 s, and still fails when the element never comes.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  window.localStorage.clear();
  document.documentElement.lang = '';
  document.title = '';
});

afterEach(() => {
  cleanup();
});
