import { describe, expect, it } from 'vitest';
import { paragraphCount, renderParagraphs } from './render.js';

const html = (text: string) => renderParagraphs(text).map((p) => p.html);

describe('renderParagraphs', () => {
  it('numbers each top-level block from 1', () => {
    expect(renderParagraphs('One.\n\nTwo *words*.\n\n- a\n- b\n\n> Quoted.')).toEqual([
      { number: 1, html: '<p>One.</p>' },
      { number: 2, html: '<p>Two <em>words</em>.</p>' },
      { number: 3, html: '<ul>\n<li>a</li>\n<li>b</li>\n</ul>' },
      { number: 4, html: '<blockquote>\n<p>Quoted.</p>\n</blockquote>' },
    ]);
    expect(paragraphCount('One.\n\nTwo.\n\n\n\nThree.')).toBe(3);
    expect(renderParagraphs('')).toEqual([]);
  });

  it('keeps a nested list in the paragraph of its outer list', () => {
    const [list, after] = renderParagraphs('1. First\n   - inner a\n   - inner b\n2. Second\n\nAfter.');
    expect(list).toEqual({
      number: 1,
      html: '<ol>\n<li>First\n<ul>\n<li>inner a</li>\n<li>inner b</li>\n</ul>\n</li>\n<li>Second</li>\n</ol>',
    });
    expect(after).toEqual({ number: 2, html: '<p>After.</p>' });
  });

  it('does not number headings: each goes with the block after it; a last one stands alone', () => {
    expect(renderParagraphs('# Preamble\n\nWe meet.\n\n## Operative part\n### Finance\nWe act.\n\n## Annex')).toEqual([
      { number: 1, html: '<h2>Preamble</h2>\n<p>We meet.</p>' },
      { number: 2, html: '<h2>Operative part</h2>\n<h3>Finance</h3>\n<p>We act.</p>' },
      { number: 3, html: '<h2>Annex</h2>' },
    ]);
  });

  it('shows raw HTML as text: script tags, on* attributes, iframes', () => {
    expect(html('<script>alert(1)</script>')).toEqual(['<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>']);
    expect(html('Hello <img src=x onerror="alert(1)"> there')).toEqual([
      '<p>Hello &lt;img src=x onerror="alert(1)"&gt; there</p>',
    ]);
    expect(html('<div onclick="steal()">\n\ntext\n\n</div>')).toEqual([
      '<p>&lt;div onclick="steal()"&gt;</p>',
      '<p>text</p>',
      '<p>&lt;/div&gt;</p>',
    ]);
    for (const p of html('<iframe src="https://evil.example"></iframe> <b onmouseover=x>b</b>')) {
      expect(p).not.toMatch(/<(iframe|b)\b/);
      // As text, escaped, they are harmless: no tag carries an on* attribute.
      expect(p).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    }
  });

  it('keeps http(s) and mailto links with rel=noopener, and drops javascript: and data: links', () => {
    expect(html('[site](https://example.org) [mail](mailto:a@example.org)')).toEqual([
      '<p><a href="https://example.org" rel="noopener">site</a> <a href="mailto:a@example.org" rel="noopener">mail</a></p>',
    ]);
    for (const link of [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](vbscript:msgbox)',
      '<javascript:alert(1)>',
    ]) {
      for (const p of html(link)) {
        expect(p).not.toMatch(/href="(?!https?:|mailto:)/i);
        expect(p.toLowerCase()).not.toContain('href="javascript');
      }
    }
  });

  it('drops images, classes and styles, and keeps code and tables', () => {
    expect(html('![alt](https://example.org/x.png)')).toEqual(['<p></p>']);
    expect(html('```js\nlet a = "<b>";\n```')).toEqual(['<pre><code>let a = "&lt;b&gt;";\n</code></pre>']);
    expect(html('| a | b |\n|--:|---|\n| 1 | 2 |')).toEqual([
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
    ]);
  });
});
