/**
 * What the built public home page (dist/web) makes a visitor download before its first render,
 * read from the build itself: the entry script of index.html and its modulepreloads, followed
 * through the chunks' own static `import` statements, the stylesheets index.html links, and the
 * catalogs of each language that the home page waits for. Used by bench/bundle.ts (sizes) and by
 * src/web/home-bundle.test.ts (what must not be there).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The secretariat's pages, lazy in the router: a public visitor must never download them. */
export const SECRETARIAT_CHUNKS = [
  'SecretariatArea',
  'Secretariat.page',
  'AddMember.page',
  'EditMember.page',
  'NewMeeting.page',
  'MemberForm',
];

/**
 * Code the home page does not show, each found by a name or a string only its chunk has (the
 * build names a chunk after its first module, which for recharts is not "recharts").
 */
export const NOT_ON_THE_HOME: { what: string; prefixes: string[]; marker?: string }[] = [
  { what: "the secretariat's pages", prefixes: SECRETARIAT_CHUNKS },
  // @mantine/charts draws with recharts, whose elements carry these class names.
  { what: 'the charts (@mantine/charts, recharts)', prefixes: ['Charts', 'BarChart'], marker: 'recharts-wrapper' },
  // The world map's shapes: world-atlas's TopoJSON.
  { what: 'the map (WorldMap, world-atlas, d3-geo)', prefixes: ['WorldMap'], marker: '"Topology"' },
];

/** The namespaces the home page waits for: startI18n loads common and enums, the page asks for home. */
export const HOME_NAMESPACES = ['common', 'enums', 'home'];

/** The goal of issue 11: the home page's JavaScript and CSS before its first render, gzip. */
export const GOAL_BYTES = 150 * 1024;

// Minified chunks import as `import{a as b}from"./x.js"` or `import"./x.js"`; a dynamic
// `import(\`./x.js\`)` has a parenthesis where these have a name, a brace or a quote.
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
// import.meta.glob('../locales/*/*.json') leaves a map of each catalog to its chunk in the code.
const CATALOG = /"\.\.\/locales\/([a-z]+)\/(\w+)\.json":\(\)=>.{0,80}?import\([`"']\.\/([^`"']+)[`"']\)/g;

export interface HomeBundle {
  dist: string;
  /** URLs ('/assets/x.js') of the JavaScript loaded before the first render. */
  scripts: Set<string>;
  /** URLs of the stylesheets index.html links. */
  stylesheets: string[];
  /** language → namespace → URL of the catalog's chunk. */
  catalogs: Map<string, Map<string, string>>;
  /** Every built asset's URL. */
  assets: string[];
  read(url: string): Buffer;
  gzipBytes(url: string): number;
  rawBytes(url: string): number;
  /** The chunk and everything it imports statically. */
  staticGraph(entries: string[]): Set<string>;
}

/** A URL of the site ('/assets/x.js') from an import specifier in the chunk at `from`. */
const resolveFrom = (from: string, specifier: string) => posix.normalize(posix.join(posix.dirname(from), specifier));

export function readHomeBundle(dist: string): HomeBundle {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` first.`);
  const read = (url: string) => readFileSync(join(dist, url));
  const gzipCache = new Map<string, number>();
  const gzipBytes = (url: string) => {
    let size = gzipCache.get(url);
    if (size === undefined) {
      size = gzipSync(read(url), { level: 9 }).length;
      gzipCache.set(url, size);
    }
    return size;
  };
  const staticGraph = (entries: string[], seen = new Set<string>()): Set<string> => {
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
  };

  const html = readFileSync(index, 'utf8');
  const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module script');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => m[1] as string);
  const scripts = staticGraph([entry, ...preloads]);
  const stylesheets = [...html.matchAll(/<link rel="stylesheet"[^>]*\shref="([^"]+)"/g)].map((m) => m[1] as string);

  const catalogs = new Map<string, Map<string, string>>();
  for (const url of scripts) {
    for (const [, language, namespace, file] of read(url).toString('utf8').matchAll(CATALOG)) {
      const byNamespace = catalogs.get(language as string) ?? new Map<string, string>();
      byNamespace.set(namespace as string, resolveFrom(url, file as string));
      catalogs.set(language as string, byNamespace);
    }
  }
  const assets = readdirSync(join(dist, 'assets'))
    .filter((file) => !/\.(gz|br)$/.test(file))
    .map((file) => `/assets/${file}`);
  return {
    dist,
    scripts,
    stylesheets,
    catalogs,
    assets,
    read,
    gzipBytes,
    rawBytes: (url) => read(url).length,
    staticGraph: (entries) => staticGraph(entries),
  };
}

export interface Finding {
  what: string;
  /** Chunks of it that the build made (none: it is not built apart, or not recognised). */
  built: string[];
  /** Chunks of it among the home page's initial JavaScript. */
  initial: string[];
}

const isChunkOf = (url: string, prefixes: string[]) =>
  prefixes.some((prefix) => posix.basename(url).startsWith(`${prefix}-`));

/** For each thing the home page must not load: where the build put it, and whether the home loads it. */
export function notOnTheHome(bundle: HomeBundle): Finding[] {
  const js = bundle.assets.filter((url) => url.endsWith('.js'));
  return NOT_ON_THE_HOME.map(({ what, prefixes, marker }) => {
    const ofIt = (url: string) =>
      isChunkOf(url, prefixes) || (marker !== undefined && bundle.read(url).toString('utf8').includes(marker));
    return {
      what,
      built: js.filter(ofIt),
      initial: [...bundle.scripts].filter(ofIt),
    };
  });
}

/** Catalog chunks among the home page's initial JavaScript (each should load only when its language is chosen). */
export function catalogsInTheEntry(bundle: HomeBundle): string[] {
  const all = new Set([...bundle.catalogs.values()].flatMap((byNamespace) => [...byNamespace.values()]));
  return [...bundle.scripts].filter((url) => all.has(url));
}
