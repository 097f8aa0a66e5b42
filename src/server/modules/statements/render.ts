import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import type sanitizeHtml from 'sanitize-html';
import type { Paragraph } from '../../../shared/statements.js';

// A statement's Markdown, rendered safely and numbered so that members can cite "paragraph 3".
// markdown-it runs with `html: false`, so raw HTML in the text is shown as text; sanitize-html
// then keeps only the tags markdown-it emits, as a second guard should either ever change.

type Markdown = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Markdown['parse']>[number];

/**
 * markdown-it and sanitize-html (with postcss, which it loads for style attributes) come with the
 * first text rendered, not with every start: loading them was about 20 ms of a start
 * (bench/RESULTS.md, start-up). Loaded synchronously, from node_modules, so that rendering stays a
 * plain function.
 */
const load = createRequire(import.meta.url);
let tools: { markdown: Markdown; sanitize: (html: string) => string } | undefined;

function renderingTools(): NonNullable<typeof tools> {
  if (tools) return tools;
  const MarkdownItClass = load('markdown-it') as typeof MarkdownIt;
  const sanitizeHtmlFn = load('sanitize-html') as typeof sanitizeHtml;
  const markdown = new MarkdownItClass({ html: false, linkify: false, typographer: false });
  const options: sanitizeHtml.IOptions = {
    allowedTags: [
      'p',
      'em',
      'strong',
      's',
      'ul',
      'ol',
      'li',
      'blockquote',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'a',
      'code',
      'pre',
      'br',
      'hr',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    // No class, style or on* attribute anywhere; an ordered list keeps where it starts.
    allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: {
      // The statement's title is its first-level heading: a heading in the text is at most a second-level one.
      h1: 'h2',
      a: sanitizeHtmlFn.simpleTransform('a', { rel: 'noopener' }),
    },
    // What is not allowed goes, its text stays (an image leaves nothing: it has no text).
    disallowedTagsMode: 'discard',
  };
  /** Sanitized HTML of one rendered block. */
  const sanitize = (html: string): string => sanitizeHtmlFn(html, options).trim();
  tools = { markdown, sanitize };
  return tools;
}

/** The top-level blocks of the text, each as its tokens: a paragraph, a list, a quote, a table, a heading… */
function topLevelBlocks(tokens: Token[]): Token[][] {
  const blocks: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    current.push(token);
    depth += token.nesting;
    if (depth === 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

const isHeading = (block: Token[]) => block[0]?.type === 'heading_open';

/**
 * The rendered text, numbered paragraph by paragraph: each top-level block (a paragraph, a whole
 * list, a quote, a table, a code block, a rule) is one paragraph, numbered from 1.
 *
 * Headings are not numbered, as in a communiqué: a heading goes with the block after it, in the
 * same paragraph, so that "paragraph 3" always means the third block of the body. A heading with
 * nothing after it stands as a paragraph of its own.
 */
export function renderParagraphs(text: string): Paragraph[] {
  const { markdown, sanitize } = renderingTools();
  const env = {};
  const blocks = topLevelBlocks(markdown.parse(text, env));
  const paragraphs: Paragraph[] = [];
  let headings = '';
  for (const block of blocks) {
    const html = markdown.renderer.render(block, markdown.options, env);
    if (isHeading(block)) {
      headings += html;
      continue;
    }
    const clean = sanitize(headings + html);
    headings = '';
    if (clean !== '') paragraphs.push({ number: paragraphs.length + 1, html: clean });
  }
  if (headings !== '') paragraphs.push({ number: paragraphs.length + 1, html: sanitize(headings) });
  return paragraphs;
}

/** How many numbered paragraphs the text has: a break may cite paragraphs 1 to this. */
export const paragraphCount = (text: string): number => renderParagraphs(text).length;
