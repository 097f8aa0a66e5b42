/**
 * What a visitor of the public home page downloads before its first render, gzip-compressed: the
 * entry script of the built index.html and every chunk it imports statically (the chunk graph,
 * read from the built files' own `import` statements), the stylesheets index.html links, then the
 * catalogs the home page waits for in each language (common and enums before the first render,
 * home when the page suspends on it). JS and CSS are reported apart and together against issue
 * 11's goal (150 KiB gzip). Checks (exit code 1 when not) that the secretariat's pages, the charts
 * and the map are built apart and are not among them, and that no language's catalog is in the
 * entry; src/web/home-bundle.test.ts asserts the same on every `npm test`.
 *
 *   npx tsx bench/bundle.ts [dist/web]      (after `npm run build`; another build's folder to compare)
 *
 * Sizes are gzip level 9 of each file, as the build's own .gz files are made (vite.config.ts).
 * A chunk that several languages share is counted once.
 */
import { posix, resolve } from 'node:path';
import { catalogsInTheEntry, GOAL_BYTES, HOME_NAMESPACES, notOnTheHome, readHomeBundle } from './home-bundle.js';

let bundle: ReturnType<typeof readHomeBundle>;
try {
  bundle = readHomeBundle(resolve(process.argv[2] ?? 'dist/web'));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { scripts, stylesheets, catalogs, gzipBytes, rawBytes } = bundle;

const sum = (urls: Iterable<string>, size: (url: string) => number) => [...urls].reduce((n, url) => n + size(url), 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const name = (url: string) => posix.basename(url);

const jsGzip = sum(scripts, gzipBytes);
const cssGzip = sum(stylesheets, gzipBytes);
console.log(`${bundle.dist}\n`);
console.log(`The home page's initial JS: ${scripts.size} files, ${kb(sum(scripts, rawBytes))} raw, ${kb(jsGzip)} gzip`);
const largest = [...scripts].sort((a, b) => gzipBytes(b) - gzipBytes(a));
for (const url of largest.slice(0, 6)) console.log(`  ${name(url).padEnd(40)} ${kb(gzipBytes(url)).padStart(10)}`);
if (largest.length > 6) console.log(`  … and ${largest.length - 6} more`);
console.log(
  `Its CSS: ${stylesheets.length} file(s), ${kb(sum(stylesheets, rawBytes))} raw, ${kb(cssGzip)} gzip (${stylesheets.map(name).join(', ')})`,
);
const total = jsGzip + cssGzip;
console.log(
  `JS + CSS: ${kb(total)} gzip; goal ≤ ${kb(GOAL_BYTES)}: ${total <= GOAL_BYTES ? 'met' : `not met, ${kb(total - GOAL_BYTES)} over`}`,
);

if (catalogs.size === 0) {
  console.log('\nNo catalogs: this build has no import.meta.glob of src/web/locales.');
} else {
  console.log(`\nCatalogs the home page loads (${HOME_NAMESPACES.join(' + ')}), and the total before it renders:`);
  for (const [language, byNamespace] of catalogs) {
    const files = HOME_NAMESPACES.map((ns) => {
      const url = byNamespace.get(ns);
      if (!url) throw new Error(`no ${language}/${ns} catalog in the build`);
      return url;
    });
    // A catalog chunk may import a shared helper; anything already in the initial set is not counted twice.
    const extra = [...bundle.staticGraph(files)].filter((url) => !scripts.has(url));
    const sizes = files.map((url) => `${name(url)} ${gzipBytes(url)} B`).join(', ');
    console.log(
      `  ${language}: ${kb(sum(extra, gzipBytes))} gzip (${sizes}); JS + CSS + catalogs: ${kb(total + sum(extra, gzipBytes))}`,
    );
  }
}

console.log('');
for (const { what, built, initial } of notOnTheHome(bundle)) {
  if (built.length === 0) {
    console.error(`FAIL: ${what}: no chunk of its own in the build (in the main bundle, or no longer recognised).`);
    process.exitCode = 1;
  } else if (initial.length > 0) {
    console.error(`FAIL: ${what} in the home page's initial JS: ${initial.map(name).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(`ok: ${what}: in ${built.length} chunk(s) of their own, none in the home page's initial JS.`);
  }
}
const leakedCatalogs = catalogsInTheEntry(bundle);
if (leakedCatalogs.length > 0) {
  console.error(
    `FAIL: catalogs in the home page's initial JS (every language's): ${leakedCatalogs.map(name).join(', ')}`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `ok: the catalogs (${[...catalogs.keys()].join(', ')}): each its own chunk, loaded for the chosen language only.`,
  );
}
