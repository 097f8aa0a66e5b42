import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './sign-in-path.js';

describe('safeNext', () => {
  it.each([
    ['/meetings/1?tab=2#delegation-IRQ', '/meetings/1?tab=2#delegation-IRQ'],
    ['/secretariat', '/secretariat'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['/\t/evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['meetings', '/'],
    ['/sign-in', '/'],
    ['/sign-in?next=%2Fmeetings', '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('signInPath', () => {
  it('carries the page, its query and its fragment', () => {
    expect(signInPath({ pathname: '/meetings/1', search: '?kind=ministerial', hash: '#agenda' })).toBe(
      `/sign-in?next=${encodeURIComponent('/meetings/1?kind=ministerial#agenda')}`,
    );
  });
  it('carries nothing from the home page or the sign-in page', () => {
    expect(signInPath({ pathname: '/' })).toBe('/sign-in');
    expect(signInPath({ pathname: '/sign-in', search: '?next=%2Fx' })).toBe('/sign-in');
  });
});
