// What the server loads when it starts, read from the build (`npm test` builds first): exceljs and
// nodemailer, about 3 MB of code between them, are in chunks that only an `import()` inside a
// request's or a mail's code names, so a start pays for neither; argon2's native module comes with
// the first password, markdown-it and sanitize-html with the first statement rendered. Start-up
// times: bench/RESULTS.md.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../dist/server');
const source = new Map(
  readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => [file, readFileSync(resolve(dir, file), 'utf8')]),
);
const named = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] as string);
const staticImports = (file: string) => named(source.get(file) ?? '', /(?:from|import)\s*"\.\/([^"]+\.js)"/g);
const dynamicImports = (file: string) => named(source.get(file) ?? '', /import\(\s*"\.\/([^"]+\.js)"\s*\)/g);

/** start.js, main.js and what main.js imports as it starts the server, with everything they import statically. */
function loadedAtStart(): Set<string> {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const next of staticImports(file)) visit(next);
  };
  for (const file of ['start.js', 'main.js', ...dynamicImports('main.js')]) visit(file);
  return loaded;
}

/** The built files holding a package's code (esbuild marks each module with its path). */
const holding = (pkg: string) => [...source].filter(([, text]) => text.includes(`// node_modules/${pkg}/`));

describe('the server at start-up (dist/server)', () => {
  const atStart = loadedAtStart();

  it('loads the app itself', () => {
    expect([...atStart].some((file) => file.startsWith('app-'))).toBe(true);
  });

  for (const pkg of ['exceljs', 'nodemailer']) {
    it(`does not load ${pkg}: it comes with the first file or mail that needs it`, () => {
      const files = holding(pkg).map(([file]) => file);
      expect(files.length, `${pkg} is not in the build`).toBeGreaterThan(0);
      expect(files.filter((file) => atStart.has(file))).toEqual([]);
    });
  }

  // Outside the bundle, from node_modules: named in the build, never imported by what a start loads.
  for (const [pkg, when] of [
    ['@node-rs/argon2', 'the first password to hash or check'],
    ['markdown-it', 'the first statement rendered'],
    ['sanitize-html', 'the first statement rendered'],
  ]) {
    it(`does not load ${pkg}: it comes with ${when}`, () => {
      const importers = [...source].filter(([, text]) => text.includes(`"${pkg}"`)).map(([file]) => file);
      expect(importers.length, `${pkg} is not asked for anywhere`).toBeGreaterThan(0);
      const statically = new RegExp(`(?:from|import)\\s*"${pkg.replace('/', '\\/')}"`);
      expect(importers.filter((file) => atStart.has(file) && statically.test(source.get(file) ?? ''))).toEqual([]);
      expect(holding(pkg).map(([file]) => file)).toEqual([]);
    });
  }
});
