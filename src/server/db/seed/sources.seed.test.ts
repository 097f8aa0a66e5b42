import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../shared/sources.js';
import { createTestApp, engines, type TestContext } from '../../test/harness.js';
import { readSeedFile } from './demo.js';
import { sourceKindOf, sourceLanguageOf } from './sources.js';

const data = readSeedFile();

describe("the demo's register of sources (the data file, without a database)", () => {
  it('tells news outlets from other sources by the publisher', () => {
    for (const outlet of ['Reuters', 'BBC News via NewsSniffer', 'Infobae (AFP)', 'The New Arab', 'Washington Post']) {
      expect(sourceKindOf(outlet), outlet).toBe('press');
    }
    for (const other of [
      'US Department of State',
      'UK Government (FCO)',
      'Financial Action Task Force',
      'Wikipedia',
      'Iraq Business News (French MFA text)',
      'eurasia.ro (quoting State Dept release)',
    ]) {
      expect(sourceKindOf(other), other).toBe('source');
    }
  });

  it('gives English to every source but the six whose titles are in another language', () => {
    const other = data.sources
      .filter((s) => sourceLanguageOf(s.id) !== 'en')
      .map((s) => [s.id, sourceLanguageOf(s.id)]);
    expect(other).toEqual([
      ['S08', 'it'],
      ['S11', 'ar'],
      ['S22', 'es'],
      ['S32', 'ar'],
      ['S38', 'nl'],
      ['S41', 'ar'],
    ]);
  });
});

describe.each(engines)("the demo's register of sources on %s", (engine) => {
  let ctx: TestContext;
  let items: Source[];

  beforeAll(async () => {
    ctx = await createTestApp(engine);
    items = (await ctx.app.inject({ url: '/api/v1/sources?limit=500' })).json().items;
  });
  afterAll(() => ctx?.close());

  const byRef = (ref: string) => items.find((s) => s.ref === ref) as Source;
  const keys = (s: Source, subject: string) => s.links.filter((l) => l.subject === subject).map((l) => l.key);
  const labels = (s: Source, subject: string) => s.links.filter((l) => l.subject === subject).map((l) => l.label);

  it('holds all 92 sources of the data file, public, as the file gives them', () => {
    expect(items.map((s) => s.ref).sort()).toEqual(data.sources.map((s) => s.id).sort());
    for (const s of data.sources) {
      const entry = byRef(s.id);
      expect(entry).toMatchObject({ title: s.title, publisher: s.publisher, url: s.url ?? null, visibility: 'public' });
      // A day is a date; a month alone is said in the note.
      if (s.date && s.date.length === 10) expect(entry.date).toBe(s.date);
      else expect(entry.date).toBeNull();
      if (s.date && s.date.length === 7) expect(entry.note).toContain(s.date);
      if (s.note) expect(entry.note).toContain(s.note);
      // No excerpt is made up.
      expect(entry.excerpt).toBeNull();
    }
    expect(byRef('S61')).toMatchObject({ kind: 'press', language: 'en' });
    expect(byRef('S11')).toMatchObject({ kind: 'source', language: 'ar' });
    expect(byRef('S00').url).toBeNull();
  });

  it("links every source to what the data file says it supports: partners, meetings, people, figures' indicators, quotes", () => {
    for (const p of data.partners as { name: string; source?: string[] }[]) {
      for (const ref of p.source ?? [])
        expect(
          byRef(ref).links.some((l) => l.subject === 'member'),
          `${ref} ${p.name}`,
        ).toBe(true);
    }
    // CRS R44135 update lists the partners; Afghanistan among them.
    expect(keys(byRef('S06'), 'member')).toContain('AFG');
    // The Brussels ministerial: the joint statement (S01) and Reuters announcing it (S79).
    expect(labels(byRef('S79'), 'meeting')).toEqual([expect.stringContaining('Brussels')]);
    expect(keys(byRef('S01'), 'statement')).toHaveLength(1);
    expect(labels(byRef('S01'), 'person')).toContain('John Kerry');
    // The quote's source: Kerry and the Brussels meeting.
    expect(labels(byRef('S00'), 'person')).toContain('John Kerry');
    expect(labels(byRef('S00'), 'meeting')).toEqual([expect.stringContaining('Brussels')]);
    // Figures: air strikes (S48 gives the March 2015 count).
    expect(keys(byRef('S48'), 'indicator')).toContain('air_strikes');
    const cited = new Set(items.filter((s) => s.links.length > 0).map((s) => s.ref));
    expect(cited.size).toBeGreaterThan(70);
  });

  it('answers the citations of a member, a meeting and an indicator', async () => {
    const irq = (await ctx.app.inject({ url: '/api/v1/sources?member=IRQ' })).json();
    expect(irq.total).toBeGreaterThan(0);
    const strikes = (await ctx.app.inject({ url: '/api/v1/sources?subject=indicator&key=air_strikes' })).json();
    expect(strikes.items.map((s: Source) => s.ref)).toContain('S48');
  });
});
