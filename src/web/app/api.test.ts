import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './api.js';

const now = Date.parse('2026-12-01T10:00:00Z');

describe('Retry-After, in seconds', () => {
  it.each([
    [null, null],
    ['', null],
    ['900', 900],
    [' 30 ', 30],
    ['Tue, 01 Dec 2026 10:15:00 GMT', 900],
    ['Tue, 01 Dec 2026 09:00:00 GMT', 0],
    ['soon', null],
  ])('%j → %j', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
