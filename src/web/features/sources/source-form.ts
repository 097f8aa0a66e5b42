import type { Visibility } from '../../../shared/meetings.js';
import type { NewSource, Source, SourceKind, SourceLinkInput, SourceSubject } from '../../../shared/sources.js';
import { orNull } from '../../components/form-values.js';

// The source form's values and their conversion to request bodies. The links are picked per
// subject (members, meetings, statements, indicators); the rest (people, decisions), which the
// form does not offer, are kept as they were.

/** The subjects the form picks links of, in the order their links are sent. */
export const PICKED_SUBJECTS = ['member', 'meeting', 'statement', 'indicator'] as const satisfies SourceSubject[];
type Picked = (typeof PICKED_SUBJECTS)[number];

/** The form field of each picked subject's links. */
export const LINK_FIELDS: Record<Picked, 'members' | 'meetings' | 'statements' | 'indicators'> = {
  member: 'members',
  meeting: 'meetings',
  statement: 'statements',
  indicator: 'indicators',
};

export interface SourceFormValues {
  kind: SourceKind;
  title: string;
  publisher: string;
  date: string;
  url: string;
  language: string;
  excerpt: string;
  note: string;
  visibility: Visibility;
  /** Member codes, meeting ids, statement ids, indicator keys. */
  members: string[];
  meetings: string[];
  statements: string[];
  indicators: string[];
  /** Links the form does not show (people, decisions), sent back as they are. */
  otherLinks: SourceLinkInput[];
}

export const emptySource: SourceFormValues = {
  kind: 'press',
  title: '',
  publisher: '',
  date: '',
  url: '',
  language: 'en',
  excerpt: '',
  note: '',
  visibility: 'public',
  members: [],
  meetings: [],
  statements: [],
  indicators: [],
  otherLinks: [],
};

export function toFormValues(source: Source): SourceFormValues {
  const keysOf = (subject: SourceSubject) => source.links.filter((l) => l.subject === subject).map((l) => l.key);
  return {
    kind: source.kind,
    title: source.title,
    publisher: source.publisher,
    date: source.date ?? '',
    url: source.url ?? '',
    language: source.language ?? '',
    excerpt: source.excerpt ?? '',
    note: source.note ?? '',
    visibility: source.visibility,
    members: keysOf('member'),
    meetings: keysOf('meeting'),
    statements: keysOf('statement'),
    indicators: keysOf('indicator'),
    otherLinks: source.links
      .filter((l) => !(PICKED_SUBJECTS as readonly string[]).includes(l.subject))
      .map((l) => ({ subject: l.subject, key: l.key })),
  };
}

/** The links as sent: the picked ones in PICKED_SUBJECTS' order, then the others. */
export function toLinks(values: SourceFormValues): SourceLinkInput[] {
  return [
    ...PICKED_SUBJECTS.flatMap((subject) => values[LINK_FIELDS[subject]].map((key) => ({ subject, key }))),
    ...values.otherLinks,
  ];
}

/** The body of `POST /sources` and of `PATCH /sources/{id}` (every field: the form shows them all). */
export function toBody(values: SourceFormValues): NewSource {
  return {
    kind: values.kind,
    title: values.title.trim(),
    publisher: values.publisher.trim(),
    date: orNull(values.date),
    url: orNull(values.url),
    language: orNull(values.language),
    excerpt: orNull(values.excerpt),
    note: orNull(values.note),
    visibility: values.visibility,
    links: toLinks(values),
  };
}

/** The field a server error's path belongs to: `links.3.key` is the picker holding the fourth link sent. */
export function sourceFieldOf(values: SourceFormValues): (path: string) => string {
  return (path) => {
    const match = /^links\.(\d+)/.exec(path);
    if (!match) return path;
    const link = toLinks(values)[Number(match[1])];
    return link && link.subject in LINK_FIELDS ? LINK_FIELDS[link.subject as Picked] : 'members';
  };
}
