import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n.js';
import { NAMESPACES } from './i18n.js';

// The catalogs are complete and agree with each other, and the code asks only for keys they have.

const LOCALES = join(import.meta.dirname, '../locales');
const WEB = join(import.meta.dirname, '..');

type Tree = { [key: string]: string | Tree };
const catalog = (language: string, ns: string): Tree =>
  JSON.parse(readFileSync(join(LOCALES, language, `${ns}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const categories = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories;

/** The keys a language must have for what English says: a plural's every category in that language. */
function expectedKeys(english: Map<string, string>, language: string): Set<string> {
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const plural = PLURAL.exec(key);
    if (!plural) keys.add(key);
    else for (const c of categories(language)) keys.add(key.replace(PLURAL, `_${c}`));
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<(\w+)>/g)].map((m) => m[1]).sort();

describe('the catalogs', () => {
  it('has a file for every language and namespace, and no other', () => {
    for (const language of LANGUAGES) {
      const files = readdirSync(join(LOCALES, language)).sort();
      expect(files, language).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  describe.each(NAMESPACES)('%s', (ns) => {
    const english = flatten(catalog('en', ns));

    it.each(LANGUAGES)('%s has exactly the keys English has, with its own plural forms', (language) => {
      const have = [...flatten(catalog(language, ns)).keys()].sort();
      expect(have).toEqual([...expectedKeys(english, language)].sort());
    });

    it.each(LANGUAGES)('%s uses the same placeholders and tags as English, and no empty text', (language) => {
      const texts = flatten(catalog(language, ns));
      for (const [key, text] of texts) {
        expect(text.trim(), `${language}/${ns}:${key}`).not.toBe('');
        const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other')) ?? '';
        // A plural form may leave the count out ("one member" → "un membre"), never add one.
        const mine = placeholders(text).filter((p) => p !== 'count');
        expect(mine, `${language}/${ns}:${key}`).toEqual(placeholders(source).filter((p) => p !== 'count'));
        expect(tags(text), `${language}/${ns}:${key}`).toEqual(tags(source));
      }
    });
  });
});

// ---- the code against the catalogs ----

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** English keys by namespace, with plural suffixes taken off, and every object path too (for `nav.${x}`). */
const known = new Map(
  NAMESPACES.map((ns) => {
    const keys = new Set<string>();
    for (const key of flatten(catalog('en', ns)).keys()) {
      const base = key.replace(PLURAL, '');
      keys.add(base);
      const parts = base.split('.');
      for (let i = 1; i < parts.length; i++) keys.add(`${parts.slice(0, i).join('.')}.`);
    }
    return [ns, keys];
  }),
);

interface Use {
  file: string;
  ns: string;
  key: string;
  /** A template literal's fixed start (`nav.${item}` → `nav.`): that object must exist. */
  prefix: boolean;
}

function usesIn(file: string): Use[] {
  const code = readFileSync(file, 'utf8');
  const declared = /useTranslation\(\s*(?:\[\s*)?'(\w+)'/.exec(code)?.[1] ?? 'common';
  const uses: Use[] = [];
  const add = (raw: string, prefix: boolean) => {
    const [ns, key] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [declared, raw];
    uses.push({ file: relative(WEB, file), ns, key, prefix });
  };
  for (const m of code.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) add(m[1] as string, false);
  for (const m of code.matchAll(/\bi18nKey=(?:\{\s*)?["']([\w.:-]+)["']/g)) add(m[1] as string, false);
  for (const m of code.matchAll(/\bt\(\s*`([\w.:-]*)\$\{/g)) add(m[1] as string, true);
  return uses;
}

describe('the code', () => {
  const files = sources(WEB);
  const uses = files.flatMap(usesIn);

  it('translates something (the scan finds the calls)', () => {
    expect(uses.length).toBeGreaterThan(20);
  });

  it('asks only for keys the catalogs have', () => {
    const missing = uses.filter((u) => {
      const keys = known.get(u.ns as (typeof NAMESPACES)[number]);
      if (!keys) return true;
      return u.prefix ? u.key !== '' && !keys.has(u.key) : !keys.has(u.key);
    });
    expect(missing.map((u) => `${u.file}: ${u.ns}:${u.key}${u.prefix ? '…' : ''}`)).toEqual([]);
  });

  it('leaves no English words in its markup: text between tags and readable attributes come from the catalogs', () => {
    const readable = /\b(?:aria-label|title|label|placeholder|description|alt)="([^"]*[A-Za-z]{2,}[^"]*)"/g;
    const between = /(?<![=-])>\s*([^<>{}]*[A-Za-z]{2,}[^<>{}]*?)\s*</g;
    const found: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.tsx'))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(readable)) found.push(`${relative(WEB, file)}: ${m[0]}`);
      for (const m of code.matchAll(between)) {
        const text = (m[1] as string).trim();
        // Code between tags (arrow functions, generics) is not text: it has no spaces between words and letters alone.
        if (/[=;()]|=>|&&|^[,:]|:$/.test(text)) continue;
        found.push(`${relative(WEB, file)}: "${text}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
