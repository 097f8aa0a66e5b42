import type { Language } from '../../../shared/i18n.js';
import type { Member } from '../../../shared/members.js';
import type { SourceLink } from '../../../shared/sources.js';
import { nameIn } from '../members/member-name.js';

/** The page of what a link points at; null for what has no page of its own (a person). */
export function linkPath(link: Pick<SourceLink, 'subject' | 'key'>): string | null {
  const key = encodeURIComponent(link.key);
  switch (link.subject) {
    case 'member':
      return `/members/${key}`;
    case 'meeting':
      return `/meetings/${key}`;
    case 'statement':
      return `/statements/${key}`;
    case 'indicator':
      return `/indicators/${key}`;
    case 'decision':
      return '/decisions';
    case 'person':
      return null;
  }
}

/** A link's words: a member's name in the reader's language when the registry is at hand, else the register's label. */
export function linkLabel(link: SourceLink, members: Map<string, Member> | null, language: Language): string {
  if (link.subject === 'member') {
    const member = members?.get(link.key);
    if (member) return nameIn(member.names, member.name, language);
  }
  return link.label || link.key;
}

/** The language of a text, named in the reader's language ("ar" → "Arabic", « arabe »). */
export function languageName(tag: string | null, locale: string): string | null {
  if (!tag) return null;
  try {
    return new Intl.DisplayNames(locale, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
