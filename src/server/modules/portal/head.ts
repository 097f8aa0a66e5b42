import { directionOf, LANGUAGE_PARAM, LANGUAGES, type Language } from '../../../shared/i18n.js';
import { SITE_NAME } from './head-catalog.js';

/** What a page's head says of it: what a link preview shows. */
export interface Head {
  /** The page's own title ("Belgium"), without the site's name. */
  title: string;
  description: string;
  /** The page's address: path and, for a list, its filters (never `lang`). Null for a page that is not there. */
  path: string | null;
  /** `article` for a record's page, `website` for the rest. */
  type: 'website' | 'article';
  /** The language the title and description are in. */
  language: Language;
}

/** The Open Graph locale of each language. */
const OG_LOCALE: Record<Language, string> = { en: 'en_GB', fr: 'fr_FR', ar: 'ar_AR' };

/** Text made safe for an HTML attribute value (double-quoted) and for element content alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The built `index.html`, cut once where the server writes: the `<html>` tag's other attributes
 * (its `lang` and `dir` are written per reader), and the end of `<head>`. Its own `<title>` and
 * description are taken out: the server writes the page's.
 */
export interface Template {
  beforeHtml: string;
  htmlAttributes: string;
  headUntilEnd: string;
  /** From `</head>` into the app's element, and from its end: the page's preview goes between. */
  untilRoot: string;
  /** Null when the template's element is not the empty one the build writes: no preview then. */
  afterRoot: string | null;
}

/** Where the app renders: empty in the built file, the page's preview once the server has written it. */
const ROOT_OPEN = '<div id="root">';
const ROOT_ELEMENT = `${ROOT_OPEN}</div>`;

export function parseTemplate(html: string): Template {
  const htmlTag = /<html\b([^>]*)>/i.exec(html);
  const headEnd = html.search(/<\/head>/i);
  if (!htmlTag || headEnd < 0) throw new Error('index.html has no <html> tag or no </head>');
  const afterHtml = htmlTag.index + htmlTag[0].length;
  const htmlAttributes = (htmlTag[1] ?? '').replace(/\s(lang|dir)="[^"]*"/gi, '');
  const head = html
    .slice(afterHtml, headEnd)
    .replace(/\s*<title>[\s\S]*?<\/title>/i, '')
    .replace(/\s*<meta\s+name="description"[^>]*>/i, '')
    .replace(/\s*$/, '');
  const rest = html.slice(headEnd);
  const root = rest.indexOf(ROOT_ELEMENT);
  const cut = root + ROOT_OPEN.length;
  const [untilRoot, afterRoot] = root < 0 ? [rest, null] : [rest.slice(0, cut), rest.slice(cut)];
  return { beforeHtml: html.slice(0, htmlTag.index), htmlAttributes, headUntilEnd: head, untilRoot, afterRoot };
}

/** The page's address in another language: the reader who follows it gets that language. */
function inLanguage(url: string, language: Language): string {
  return `${url}${url.includes('?') ? '&' : '?'}${LANGUAGE_PARAM}=${language}`;
}

/** The tags of a page's head: title, description, canonical address, Open Graph and Twitter card. */
export function headTags(head: Head, origin: string): string {
  const e = escapeHtml;
  const fullTitle = head.title === SITE_NAME ? SITE_NAME : `${head.title} · ${SITE_NAME}`;
  const url = head.path === null ? null : `${origin}${head.path}`;
  const tags = [`<title>${e(fullTitle)}</title>`, `<meta name="description" content="${e(head.description)}" />`];
  if (url === null) tags.push('<meta name="robots" content="noindex" />');
  else {
    tags.push(`<link rel="canonical" href="${e(url)}" />`);
    for (const language of LANGUAGES) {
      tags.push(`<link rel="alternate" hreflang="${language}" href="${e(inLanguage(url, language))}" />`);
    }
  }
  tags.push(
    `<meta property="og:type" content="${head.type}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${e(head.title)}" />`,
    `<meta property="og:description" content="${e(head.description)}" />`,
    ...(url === null ? [] : [`<meta property="og:url" content="${e(url)}" />`]),
    `<meta property="og:locale" content="${OG_LOCALE[head.language]}" />`,
    ...LANGUAGES.filter((l) => l !== head.language).map(
      (l) => `<meta property="og:locale:alternate" content="${OG_LOCALE[l]}" />`,
    ),
    '<meta name="twitter:card" content="summary" />',
    `<meta name="twitter:title" content="${e(head.title)}" />`,
    `<meta name="twitter:description" content="${e(head.description)}" />`,
  );
  return tags.join('\n    ');
}

/**
 * What the page shows before its script has run: the site's bar, and the page's title and
 * description in the reader's language, where the app then draws the page (it replaces them on its
 * first render). A phone on a slow network reads what the page is about a second or two sooner,
 * and a reader without JavaScript (or a search engine) gets it too. Styled in global.css. Not a
 * heading nor a landmark: those are the app's (what a screen reader, or a test, waits for).
 */
export function pagePreview(head: Head): string {
  const e = escapeHtml;
  const description = head.description ? `<p>${e(head.description)}</p>` : '';
  return (
    `<div class="page-preview"><div class="page-preview-bar">${SITE_NAME}</div>` +
    `<div class="page-preview-main"><div class="page-preview-title">${e(head.title)}</div>${description}</div></div>`
  );
}

/** The page: the template with the reader's language and direction on `<html>`, the page's head and its preview. */
export function renderPage(template: Template, head: Head, origin: string): string {
  const body = template.afterRoot
    ? `${template.untilRoot}${pagePreview(head)}${template.afterRoot}`
    : template.untilRoot;
  return (
    `${template.beforeHtml}<html lang="${head.language}" dir="${directionOf(head.language)}"${template.htmlAttributes}>` +
    `${template.headUntilEnd}\n    ${headTags(head, origin)}\n  ${body}`
  );
}
