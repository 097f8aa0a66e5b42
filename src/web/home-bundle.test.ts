// The public home page's initial JavaScript (read from the build: `npm test` builds first) holds
// none of what it does not show. Sizes are measured by bench/bundle.ts, not asserted here.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogsInTheEntry, notOnTheHome, readHomeBundle } from '../../bench/home-bundle.js';

describe("the public home page's initial JavaScript (dist/web)", () => {
  const bundle = readHomeBundle(resolve(import.meta.dirname, '../../dist/web'));

  it('starts from the entry script and its stylesheet', () => {
    expect(bundle.scripts.size).toBeGreaterThan(0);
    expect(bundle.stylesheets.length).toBeGreaterThan(0);
  });

  for (const { what, built, initial } of notOnTheHome(bundle)) {
    it(`does not hold ${what}, which are built apart`, () => {
      expect(built.length, `${what}: no chunk of their own in the build`).toBeGreaterThan(0);
      expect(initial).toEqual([]);
    });
  }

  it("holds no language's catalog: the chosen one loads alone", () => {
    expect(bundle.catalogs.size).toBe(3);
    expect(catalogsInTheEntry(bundle)).toEqual([]);
  });
});
