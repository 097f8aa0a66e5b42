import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../test/harness.js';
import { foldForSearch, highlight, searchTerms, snippetOf, toTsQuery } from './search.text.js';
import { SEARCH_INDEXES } from './search.vectors.js';

const SAMPLES = [
  'العراق',
  'الْعِرَاق',
  'العـــراق',
  'أحمد إبراهيم آمنة',
  'مؤتمر شؤون',
  'ٱلمدينة',
  'مصطفى',
  'الكويت العاصمة مدينة',
  'Genève',
  'Côte d’Ivoire',
  'ÉGYPTE',
  'Bruxelles',
  'Québec',
  'Ñandú',
];

describe('foldForSearch', () => {
  it('folds Arabic forms and Latin accents as one', () => {
    expect(foldForSearch('الْعِرَاق')).toBe('العراق');
    expect(foldForSearch('العـــراق')).toBe('العراق');
    expect(foldForSearch('أإآ')).toBe('ااا');
    expect(foldForSearch('مدينة مصطفى ٱلله')).toBe('مدينه مصطفي الله');
    expect(foldForSearch('Genève')).toBe('geneve');
  });

  it('makes a tsquery of words only', () => {
    expect(searchTerms(" Côte d'Ivoire ")).toEqual(['cote', 'd', 'ivoire']);
    expect(searchTerms('&|!():*\'"<>  ')).toEqual([]);
    expect(toTsQuery(searchTerms('Brussels minist'))).toBe('brussels & minist:*');
  });

  it('marks the words found, in their original form', () => {
    expect(highlight('مؤتمر الْعِرَاق الدولي', searchTerms('العراق'))).toEqual([
      { text: 'مؤتمر ', match: false },
      { text: 'الْعِرَاق', match: true },
      { text: ' الدولي', match: false },
    ]);
    expect(highlight('Ministerial, Bruxelles', searchTerms('brux'))).toEqual([
      { text: 'Ministerial, ', match: false },
      { text: 'Bruxelles', match: true },
    ]);
    const long = `${'word '.repeat(50)}needle ${'tail '.repeat(50)}`;
    const parts = snippetOf([null, 'nothing here', long], ['needle'], 10);
    expect(parts[0]?.text).toBe('… ');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['needle']);
    expect(snippetOf(['nothing'], ['needle'])).toEqual([]);
  });
});

describe.each(engines)('entente_fold and the search indexes on %s', (engine) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterAll(() => testDb.drop());

  it('entente_fold agrees with foldForSearch, and the folded words are the words searchTerms makes', async () => {
    for (const sample of SAMPLES) {
      const result = (await testDb.database.db.execute(
        sql`select entente_fold(${sample}) as folded, array_to_string(tsvector_to_array(to_tsvector('simple', entente_fold(${sample}))), ' ') as words`,
      )) as unknown as { rows: { folded: string; words: string }[] };
      const [row] = result.rows;
      expect(row?.folded, sample).toBe(foldForSearch(sample));
      expect((row?.words ?? '').split(' ').filter(Boolean).sort(), sample).toEqual(
        [...new Set(searchTerms(sample))].sort(),
      );
    }
  });

  it('migration 0013 indexes the expressions the queries search by', () => {
    const migration = readFileSync(new URL('../../../../drizzle/0013_search.sql', import.meta.url), 'utf8');
    for (const index of SEARCH_INDEXES)
      expect(migration).toContain(`ON "${index.table}" USING gin ((${index.vector('')}))`);
  });
});
