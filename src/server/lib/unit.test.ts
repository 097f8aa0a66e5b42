import { describe, expect, it } from 'vitest';
import { parseJoined } from '../db/seed/demo.js';
import { loadEnv } from '../env.js';
import { Cache } from './cache.js';
import { isStateCode, officialStateNames, stateNames } from './country-names.js';
import { requireVersion } from './if-match.js';

// Policies have their tables beside them (`*.policy.test.ts`).

describe('joined dates from the sources', () => {
  it.each([
    ['2014-09-11 (signatory of the Jeddah Communique)', '2014-09-11'],
    ['2014-10 (per coalition partner page)', null],
    ['uncertain: after Dec 2014; Kerry publicly welcomed', null],
    ['2014 (member since last year)', null],
  ])('%s → %s, the text kept as the note', (text, date) => {
    expect(parseJoined(text)).toEqual({ joinedOn: date, joinedNote: text });
  });
  it('leaves both empty when the sources say nothing', () => {
    expect(parseJoined(undefined)).toEqual({ joinedOn: null, joinedNote: null });
  });
});

describe('country names', () => {
  it.each([
    ['KOR', 'South Korea'],
    ['TWN', 'Taiwan'],
    ['MDA', 'Moldova'],
    ['MKD', 'North Macedonia'],
    ['USA', 'United States'],
    ['GBR', 'United Kingdom'],
    ['XKX', 'Kosovo'],
  ])('%s reads as %s in a list', (code, en) => {
    expect(stateNames(code)?.en).toBe(en);
  });
  it('knows ISO codes and XKX, and nothing else', () => {
    expect(isStateCode('FRA')).toBe(true);
    expect(isStateCode('XKX')).toBe(true);
    expect(isStateCode('EU')).toBe(false);
    expect(stateNames('ZZZ')).toBeNull();
    expect(stateNames('IRQ')).toEqual({ en: 'Iraq', fr: 'Irak', ar: 'العراق' });
  });
  it('shows the short name in every language and keeps the official one apart', () => {
    expect(stateNames('MKD')).toEqual({ en: 'North Macedonia', fr: 'Macédoine du Nord', ar: 'مقدونيا الشمالية' });
    expect(officialStateNames('MKD')?.en).toBe('Republic of North Macedonia');
    expect(stateNames('USA')?.fr).toBe('États-Unis');
    expect(officialStateNames('IRQ')).toBeNull();
  });
});

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
  ])('%s is version %i', (header, version) => {
    expect(requireVersion(header)).toBe(version);
  });
  it('is required (428) and must be a version (400)', () => {
    expect(() => requireVersion(undefined)).toThrow(expect.objectContaining({ code: 'precondition_required' }));
    expect(() => requireVersion('*')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => requireVersion('"abc"')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

describe('read cache', () => {
  it('serves a hit, and drops it when its tag is invalidated', async () => {
    const cache = new Cache({ crossProcess: false });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('t', 'k', load)).toBe(1);
    expect(await cache.get('t', 'k', load)).toBe(1);
    cache.invalidate('t');
    expect(await cache.get('t', 'k', load)).toBe(2);
  });
  it('does not store a load that a write raced', async () => {
    const cache = new Cache({ crossProcess: false });
    let release: (v: string) => void = () => {};
    const slow = cache.get('t', 'k', () => new Promise<string>((r) => (release = r)));
    cache.invalidate('t'); // a write commits while the load is in flight
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.get('t', 'k', async () => 'new')).toBe('new');
  });
  it('serves the requests that miss together with one load', async () => {
    const cache = new Cache({ crossProcess: false });
    let loads = 0;
    let release: (v: number) => void = () => {};
    const load = () => {
      loads += 1;
      return new Promise<number>((r) => (release = r));
    };
    const together = [cache.get('t', 'k', load), cache.get('t', 'k', load), cache.get('t', 'k', load)];
    release(7);
    expect(await Promise.all(together)).toEqual([7, 7, 7]);
    expect(loads).toBe(1);
  });
  it('never hands a request that came after a write the load that started before it', async () => {
    const cache = new Cache({ crossProcess: false });
    const releases: ((v: string) => void)[] = [];
    const load = () => new Promise<string>((r) => releases.push(r));
    const before = cache.get('t', 'k', load);
    cache.invalidate('t'); // the write commits
    const after = cache.get('t', 'k', load);
    expect(releases).toHaveLength(2);
    releases[0]('old');
    releases[1]('new');
    expect([await before, await after]).toEqual(['old', 'new']);
    expect(await cache.get('t', 'k', async () => 'reloaded')).toBe('new');
  });
  it('keeps no failed load: every request waiting on it gets the error, the next one tries again', async () => {
    const cache = new Cache({ crossProcess: false });
    let fail: (e: Error) => void = () => {};
    const failing = () => new Promise<string>((_, reject) => (fail = reject));
    const waiting = [cache.get('t', 'k', failing), cache.get('t', 'k', failing)];
    fail(new Error('not found'));
    for (const w of waiting) await expect(w).rejects.toThrow('not found');
    expect(await cache.get('t', 'k', async () => 'found')).toBe('found');
  });
  it('is bypassed across processes until its listener is up', async () => {
    const cache = new Cache({ crossProcess: true, listen: () => Promise.reject(new Error('down')) });
    await cache.start();
    let loads = 0;
    await cache.get('t', 'k', async () => ++loads);
    await cache.get('t', 'k', async () => ++loads);
    expect(loads).toBe(2);
    await cache.stop();
  });
});

describe('settings', () => {
  it('has defaults that start a working server', () => {
    expect(loadEnv({})).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, DATA_DIR: './data', READ_CACHE: true });
  });
  it('names every bad setting at once', () => {
    expect(() => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'maybe' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must be a postgres/,
    );
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'maybe' });
    } catch (err) {
      expect((err as Error).message).toContain('TRUST_PROXY');
    }
  });
  it('treats an empty variable as unset', () => {
    const env = loadEnv({ PORT: '', DATABASE_URL: '' });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
