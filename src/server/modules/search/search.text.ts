import type { SnippetPart } from '../../../shared/search.js';

// The query's words, and the highlighting of a record's text, in JavaScript. PostgreSQL finds and
// ranks; ts_headline cannot mark the words: it compares the *unfolded* text with the folded query,
// so "الْعِرَاق" in a title would go unmarked for "العراق" (and "Genève" for "geneve"). Marking each
// word whose folded form the query matches, here, keeps the original text and its marks intact.

/** A run of letters, digits and the marks and tatweel written inside an Arabic word. */
const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

const DROPPED = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const SWAPPED: Record<string, string> = { ٱ: 'ا', ى: 'ي', ة: 'ه' };

/**
 * entente_fold (migration 0012) in JavaScript: lower-cased, decomposed (NFD: accents and hamza seats
 * apart), Latin accents, tashkeel and tatweel dropped, ٱ → ا, ى → ي, ة → ه. search.fold.test.ts
 * checks the two agree on both engines.
 */
export const foldForSearch = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(DROPPED, '')
    .replace(/[ٱىة]/g, (c) => SWAPPED[c] ?? c);

/** The query's words, folded; none when it has only punctuation and spaces. */
export function searchTerms(q: string): string[] {
  return (foldForSearch(q).match(WORD) ?? []).map((w) => w.replace(/\p{M}/gu, '')).filter((w) => w.length > 0);
}

/**
 * The tsquery of the words: every word, the last one as a prefix (what a user is still typing).
 * The words hold only letters and digits, so nothing in them is tsquery syntax; the SQL folds the
 * query again with entente_fold, as it folded the records.
 */
export const toTsQuery = (terms: string[]): string =>
  terms.map((t, i) => (i === terms.length - 1 ? `${t}:*` : t)).join(' & ');

/** Whether a word of the text is one the query found. */
function matcher(terms: string[]) {
  const last = terms[terms.length - 1] ?? '';
  const whole = new Set(terms.slice(0, -1));
  return (word: string) => {
    const folded = foldForSearch(word).replace(/\p{M}/gu, '');
    return folded.length > 0 && (whole.has(folded) || folded.startsWith(last));
  };
}

/** The text in parts, the words the query found marked; adjacent parts of one kind merged. */
export function highlight(text: string, terms: string[]): SnippetPart[] {
  const isMatch = matcher(terms);
  const parts: SnippetPart[] = [];
  const push = (piece: string, match: boolean) => {
    if (piece === '') return;
    const prev = parts[parts.length - 1];
    if (prev && prev.match === match) prev.text += piece;
    else parts.push({ text: piece, match });
  };
  let at = 0;
  for (const found of text.matchAll(WORD)) {
    const index = found.index ?? 0;
    push(text.slice(at, index), false);
    push(found[0], isMatch(found[0]));
    at = index + found[0].length;
  }
  push(text.slice(at), false);
  return parts;
}

export const hasMatch = (parts: SnippetPart[]): boolean => parts.some((p) => p.match);

/**
 * A passage of the texts around their first match, about `words` words long, with "…" where it
 * was cut; empty when no text has a match.
 */
export function snippetOf(texts: (string | null | undefined)[], terms: string[], words = 30): SnippetPart[] {
  const isMatch = matcher(terms);
  for (const raw of texts) {
    if (!raw) continue;
    const text = raw.replace(/\s+/g, ' ').trim();
    const spans = [...text.matchAll(WORD)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      word: m[0],
    }));
    const first = spans.findIndex((s) => isMatch(s.word));
    if (first < 0) continue;
    const from = Math.max(0, first - Math.floor(words / 3));
    const to = Math.min(spans.length, from + words);
    const start = from === 0 ? 0 : (spans[from]?.start ?? 0);
    const end = to >= spans.length ? text.length : (spans[to - 1]?.end ?? text.length);
    const parts = highlight(text.slice(start, end), terms);
    if (start > 0) parts.unshift({ text: '… ', match: false });
    if (end < text.length) parts.push({ text: ' …', match: false });
    return parts;
  }
  return [];
}
