import { StatementKind, StatementStatus } from '../../../shared/statements.js';
import type { Auth } from '../../lib/auth-context.js';
import type { Clock } from '../../lib/clock.js';
import type { DecisionsService } from '../statements/decisions.service.js';
import type { StatementsService } from '../statements/statements.service.js';
import { atomFeed, type FeedEntry } from './feed.js';
import { STATEMENTS_FEED_PATH } from './open-data.service.js';

/** A feed reader wants what is new: older entries are in the open data. */
export const FEED_ENTRIES = 100;

const KIND_NAMES: Record<StatementKind, string> = {
  [StatementKind.enum.joint_statement]: 'Joint statement',
  [StatementKind.enum.chair_statement]: 'Chair’s statement',
  [StatementKind.enum.communique]: 'Communiqué',
  [StatementKind.enum.press_release]: 'Press release',
};

/** The day of adoption as an instant: noon UTC, so that the day reads the same in every zone's reader. */
const noonOf = (day: string) => `${day}T12:00:00Z`;

/** The Atom feed of adopted public statements and the decisions that adopted them. */
export function createFeedService(deps: {
  clock: Clock;
  statements: Pick<StatementsService, 'listStatements'>;
  decisions: Pick<DecisionsService, 'listDecisions'>;
}) {
  return {
    /** The feed as XML, newest first; entries link to the statements' pages under `baseUrl`. */
    async statementsFeed(auth: Auth, baseUrl: string): Promise<string> {
      // Only what the public may see, whoever asks: a feed is fetched by readers without a session.
      const asPublic: Auth = { requestId: auth.requestId, ip: auth.ip, user: null };
      const [statements, decisions] = await Promise.all([
        deps.statements.listStatements(asPublic, { status: StatementStatus.enum.adopted }),
        deps.decisions.listDecisions(asPublic, {}),
      ]);
      const entries: FeedEntry[] = [
        ...statements.items.map((s) => ({
          id: `urn:uuid:${s.id}`,
          title: s.title,
          updated: s.updatedAt,
          link: `${baseUrl}/statements/${s.id}`,
          summary: `${KIND_NAMES[s.kind]} adopted on ${s.adoptedOn}${s.decisionNumber ? ` (decision ${s.decisionNumber})` : ''}.`,
          category: 'statement',
          language: s.language,
        })),
        ...decisions.items.map((d) => ({
          id: `urn:uuid:${d.id}`,
          title: `Decision ${d.number}: ${d.title}`,
          updated: noonOf(d.adoptedOn),
          link: `${baseUrl}/statements/${d.statementId}`,
          summary: `Decision ${d.number}, adopted on ${d.adoptedOn} (${d.method.replaceAll('_', ' ')}).`,
          category: 'decision',
          language: d.language,
        })),
      ]
        .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated))
        .slice(0, FEED_ENTRIES);
      return atomFeed({
        id: `${baseUrl}${STATEMENTS_FEED_PATH}`,
        title: 'Entente: adopted statements and decisions',
        self: `${baseUrl}${STATEMENTS_FEED_PATH}`,
        alternate: `${baseUrl}/statements`,
        updated: entries[0]?.updated ?? deps.clock.now().toISOString(),
        entries,
      });
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
