/**
 * What a visitor of the public home page downloads before its first render, gzip-compressed: the
 * entry script of the built index.html and every chunk it imports statically (the chunk graph,
 * read from the built files' own `import` statements), then the catalogs the home page waits for
 * in each language (common and enums before the first render, home when the page suspends on it).
 * Checks that none of the secretariat's chunks is among them.
 *
 *   npx tsx bench/bundle.ts [dist/web]      (after `npm run build`; another build's folder to compare)
 *
 * Sizes are gzip level 9 of each file, as the build's own .gz files are made (vite.config.ts).
 * A chunk that several languages share is counted once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist/web');
const index = join(dist, 'index.html');
if (!existsSync(index)) {
  console.error(`${index} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** The secretariat's pages, lazy in the router: a public visitor must never download them. */
const SECRETARIAT_CHUNKS = [
  'SecretariatArea',
  'Secretariat.page',
  'AddMember.page',
  'EditMember.page',
  'NewMeeting.page',
  'MemberForm',
];

/** The namespaces the home page waits for: startI18n loads common and enums, the page asks for home. */
const HOME_NAMESPACES = ['common', 'enums', 'home'];

const read = (url: string) => readFileSync(join(dist, url));
const gzipBytes = (url: string) => gzipSync(read(url), { level: 9 }).length;
const rawBytes = (url: string) => read(url).length;

/** A URL of the site ('/assets/x.js') from an import specifier in the chunk at `from`. */
const resolveFrom = (from: string, specifier: string) => posix.normalize(posix.join(posix.dirname(from), specifier));

// Minified chunks import as `import{a as b}from"./x.js"` or `import"./x.js"`; a dynamic
// `import(\`./x.js\`)` has a parenthesis where these have a name, a brace or a quote.
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** The chunk and everything it imports statically, depth first. */
function staticGraph(entries: string[], seen = new Set<string>()): Set<string> {
  for (const url of entries) {
    if (seen.has(url)) continue;
    seen.add(url);
    const code = read(url).toString('utf8');
    staticGraph(
      [...code.matchAll(STATIC_IMPORT)].map((m) => resolveFrom(url, m[1] as string)),
      seen,
    );
  }
  return seen;
}

const html = readFileSync(index, 'utf8');
const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
if (!entry) throw new Error('index.html has no module script');
const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => m[1] as string);
const initial = staticGraph([entry, ...preloads]);
const stylesheets = [...html.matchAll(/<link rel="stylesheet"[^>]*\shref="([^"]+)"/g)].map((m) => m[1] as string);

// import.meta.glob('../locales/*/*.json') leaves a map of each catalog to its chunk in the code.
const CATALOG = /"\.\.\/locales\/([a-z]+)\/(\w+)\.json":\(\)=>.{0,80}?import\([`"']\.\/([^`"']+)[`"']\)/g;
const catalogs = new Map<string, Map<string, string>>(); // language → namespace → URL
for (const url of initial) {
  for (const [, language, namespace, file] of read(url).toString('utf8').matchAll(CATALOG)) {
    const byNamespace = catalogs.get(language as string) ?? new Map<string, string>();
    byNamespace.set(namespace as string, resolveFrom(url, file as string));
    catalogs.set(language as string, byNamespace);
  }
}

const sum = (urls: Iterable<string>, size: (url: string) => number) => [...urls].reduce((n, url) => n + size(url), 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const name = (url: string) => posix.basename(url);

const initialGzip = sum(initial, gzipBytes);
console.log(`${dist}\n`);
console.log(
  `The home page's initial JS: ${initial.size} files, ${kb(sum(initial, rawBytes))} raw, ${kb(initialGzip)} gzip`,
);
const largest = [...initial].sort((a, b) => gzipBytes(b) - gzipBytes(a));
for (const url of largest.slice(0, 6)) console.log(`  ${name(url).padEnd(40)} ${kb(gzipBytes(url)).padStart(10)}`);
if (largest.length > 6) console.log(`  … and ${largest.length - 6} more`);
console.log(`Stylesheets: ${kb(sum(stylesheets, gzipBytes))} gzip (not counted above)`);

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
    const extra = [...staticGraph(files)].filter((url) => !initial.has(url));
    const sizes = files.map((url) => `${name(url)} ${gzipBytes(url)} B`).join(', ');
    console.log(
      `  ${language}: ${kb(sum(extra, gzipBytes))} gzip (${sizes}); with the JS: ${kb(initialGzip + sum(extra, gzipBytes))}`,
    );
  }
}

const assetNames = readdirSync(join(dist, 'assets'));
const built = (prefix: string) => assetNames.some((file) => file.startsWith(`${prefix}-`));

const missing = SECRETARIAT_CHUNKS.filter((prefix) => !built(prefix));
const leaked = [...initial].filter((url) => SECRETARIAT_CHUNKS.some((prefix) => name(url).startsWith(`${prefix}-`)));
const leakedCatalogs = [...catalogs.values()]
  .map((byNamespace) => byNamespace.get('secretariat'))
  .filter((url): url is string => url !== undefined && initial.has(url));
console.log('');
if (missing.length > 0) {
  console.error(`The secretariat's chunks ${missing.join(', ')} are not built apart: they may be in the main bundle.`);
  process.exitCode = 1;
} else if (leaked.length > 0 || leakedCatalogs.length > 0) {
  console.error(
    `The secretariat's chunks are in the home page's JS: ${[...leaked, ...leakedCatalogs].map(name).join(', ')}`,
  );
  process.exitCode = 1;
} else {
  console.log(`None of the secretariat's chunks (${SECRETARIAT_CHUNKS.join(', ')}) is in the home page's JS.`);
}
