/** An entry of the Atom feed. */
export interface FeedEntry {
  /** An IRI that never changes: `urn:uuid:…`. */
  id: string;
  title: string;
  /** ISO 8601 instant. */
  updated: string;
  /** Absolute URL of the page. */
  link: string;
  summary: string;
  category: string;
  /** The language of the title (xml:lang). */
  language: string;
}

/** XML's five special characters, and the characters XML 1.0 forbids (dropped: they cannot be written). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** An Atom 1.0 feed (RFC 4287) of these entries, newest first as given. */
export function atomFeed(feed: {
  id: string;
  title: string;
  self: string;
  alternate: string;
  updated: string;
  entries: readonly FeedEntry[];
}): string {
  const e = escapeXml;
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${e(entry.id)}</id>
    <title xml:lang="${e(entry.language)}">${e(entry.title)}</title>
    <updated>${e(entry.updated)}</updated>
    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>
    <category term="${e(entry.category)}"/>
    <summary>${e(entry.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${e(feed.id)}</id>
  <title>${e(feed.title)}</title>
  <updated>${e(feed.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${e(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.alternate)}"/>
  <author><name>${e(feed.title)}</name></author>
  <generator>Entente</generator>
${entries.join('')}</feed>
`;
}
