import type { z } from 'zod';
import { formattingLocale, type Language } from '../../../shared/i18n.js';
import type { Meeting } from '../../../shared/meetings.js';
import { MeetingIdParams } from '../../../shared/meetings.js';
import { type Member, MemberCodeParams } from '../../../shared/members.js';
import type { Pledge } from '../../../shared/pledges.js';
import { PledgeIdParams } from '../../../shared/pledges.js';
import {
  type Indicator,
  IndicatorKeyParams,
  type LineOfEffortList,
  LineOfEffortParams,
} from '../../../shared/progress.js';
import { type Statement, StatementIdParams } from '../../../shared/statements.js';
import type { Auth } from '../../lib/auth-context.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Head } from './head.js';
import { fill, headCatalog, type ListPage } from './head-catalog.js';

/** A record's page: its kind and the id, code or key in its address. */
export type RecordPage = 'member' | 'meeting' | 'statement' | 'lineOfEffort' | 'indicator' | 'pledge';

/** What the pages' heads read, each through its owning module's service, as the public reads it. */
export interface PagesServiceDeps {
  getMember(auth: Auth, code: string): Promise<Member>;
  getMeeting(auth: Auth, id: string): Promise<Meeting>;
  getStatement(auth: Auth, id: string): Promise<Statement>;
  listLines(auth: Auth): Promise<LineOfEffortList>;
  getIndicator(auth: Auth, key: string): Promise<Indicator>;
  getPledge(auth: Auth, id: string): Promise<Pledge>;
}

/** A head, or the page is not there for the public. */
export type PageHead = { found: true; head: Head } | { found: false; head: Head };

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
/** "3 December 2014", "3 décembre 2014", "3 ديسمبر 2014" from YYYY-MM-DD. */
function formatDay(day: string, language: Language): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(formattingLocale[language], { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** The page's name in the reader's language, else in English (names in English are always given). */
const named = (names: { en: string } & Partial<Record<Language, string>>, language: Language): string =>
  names[language] || names.en;

export function createPagesService(deps: PagesServiceDeps) {
  /** The head of a page that shows nothing of its own, or of a record the public may not see. */
  function siteHead(language: Language, path: string | null): Head {
    const text = headCatalog[language];
    return { title: text.lists.home.title, description: text.siteDescription, path, type: 'website', language };
  }

  /** One record's head, read as the public reads it: a record the public may not see throws not_found. */
  async function recordHead(auth: Auth, page: RecordPage, param: string, language: Language): Promise<Head> {
    const text = headCatalog[language];
    const article = (title: string, description: string, path: string): Head => ({
      title,
      description,
      path,
      type: 'article',
      language,
    });
    switch (page) {
      case 'member': {
        const { code } = addressed(MemberCodeParams, { code: param });
        const member = await deps.getMember(auth, code);
        const name = named(member.names, language);
        const description = member.joinedOn
          ? fill(text.memberSince, { name, date: formatDay(member.joinedOn, language) })
          : fill(text.member, { name });
        return article(name, description, `/members/${encodeURIComponent(member.code)}`);
      }
      case 'meeting': {
        const { id } = addressed(MeetingIdParams, { id: param });
        const meeting = await deps.getMeeting(auth, id);
        const date = formatDay(meeting.startDate, language);
        const description = meeting.city
          ? fill(text.meetingIn, { city: meeting.city, date })
          : fill(text.meetingOn, { date });
        return article(meeting.titleTranslations[language] || meeting.title, description, `/meetings/${meeting.id}`);
      }
      case 'statement': {
        const { id } = addressed(StatementIdParams, { id: param });
        const statement = await deps.getStatement(auth, id);
        const description = statement.adoptedOn
          ? fill(text.statementAdopted, { date: formatDay(statement.adoptedOn, language) })
          : text.statement;
        const title = statement.translations[language]?.title || statement.title;
        return article(title, description, `/statements/${statement.id}`);
      }
      case 'lineOfEffort': {
        const { key } = addressed(LineOfEffortParams, { key: param });
        const line = (await deps.listLines(auth)).items.find((l) => l.key === key);
        if (!line) throw notFound('Line of effort');
        const description = fill(text.lineOfEffort, { number: line.number });
        return article(named(line.names, language), description, `/lines-of-effort/${encodeURIComponent(line.key)}`);
      }
      case 'indicator': {
        const { key } = addressed(IndicatorKeyParams, { key: param });
        const indicator = await deps.getIndicator(auth, key);
        const name = named(indicator.names, language);
        return article(name, fill(text.indicator, { name }), `/indicators/${encodeURIComponent(indicator.key)}`);
      }
      case 'pledge': {
        const { id } = addressed(PledgeIdParams, { id: param });
        const pledge = await deps.getPledge(auth, id);
        const member = named(pledge.member.names, language);
        return article(fill(text.pledgeTitle, { member }), fill(text.pledge, { member }), `/pledges/${pledge.id}`);
      }
    }
  }

  return {
    /** The head of a list page (or the home): the same for every reader of a language. */
    listHead(page: ListPage, language: Language, path: string): Head {
      if (page === 'home') return siteHead(language, path);
      const { title, description } = headCatalog[language].lists[page];
      return { title, description, path, type: 'website', language };
    },

    /**
     * The head of a record's page, read as the public reads it whoever asks (a head is what a link
     * preview shows anyone): a record that is missing, not public, or whose address is malformed
     * gives the site's head and `found: false`, nothing of the record.
     */
    async recordHead(auth: Auth, page: RecordPage, param: string, language: Language): Promise<PageHead> {
      // Whoever asks: a head is what a link preview shows to anyone the link is sent to.
      const asPublic: Auth = { user: null, requestId: auth.requestId, ip: auth.ip };
      try {
        return { found: true, head: await recordHead(asPublic, page, param, language) };
      } catch (error) {
        if (isNotThere(error)) return { found: false, head: siteHead(language, null) };
        throw error;
      }
    },

    siteHead,
  };
}

export type PagesService = ReturnType<typeof createPagesService>;

/** A record the public may not see, or an address that cannot name one. */
const isNotThere = (error: unknown): boolean => error instanceof AppError && error.code === 'not_found';

/** The address's id, code or key as the API takes it; one the API would refuse names no page. */
function addressed<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw notFound('Page');
  return parsed.data;
}
