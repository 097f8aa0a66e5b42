import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from './db/client.js';
import { Cache } from './lib/cache.js';
import { type Clock, systemClock } from './lib/clock.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService, defaultSessionSettings, type SessionSettings } from './modules/auth/auth.service.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { createHealthService } from './modules/health/health.service.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { createImportsService } from './modules/imports/imports.service.js';
import { calendarRoutes } from './modules/meetings/calendar.routes.js';
import { createCalendarService } from './modules/meetings/calendar.service.js';
import { createDelegationsService } from './modules/meetings/delegations.service.js';
import { deskRoutes } from './modules/meetings/desk.routes.js';
import { createDeskService } from './modules/meetings/desk.service.js';
import { createMeetingLoader } from './modules/meetings/meeting-loader.js';
import { meetingReadsRoutes } from './modules/meetings/meeting-reads.routes.js';
import { createMeetingReadsService } from './modules/meetings/meeting-reads.service.js';
import { meetingsRoutes } from './modules/meetings/meetings.routes.js';
import { createMeetingsService } from './modules/meetings/meetings.service.js';
import { membersRoutes } from './modules/members/members.routes.js';
import { createMembersService } from './modules/members/members.service.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import {
  createOutboxDrainer,
  logTransport,
  type MailTransport,
  type OutboxDrainer,
  type OutboxSettings,
  smtpTransport,
} from './modules/notifications/outbox.js';
import { createDatasets } from './modules/open-data/datasets.js';
import { createFeedService } from './modules/open-data/feed.service.js';
import { feedsRoutes } from './modules/open-data/feeds.routes.js';
import { openDataRoutes } from './modules/open-data/open-data.routes.js';
import { createOpenDataService } from './modules/open-data/open-data.service.js';
import { pledgesRoutes } from './modules/pledges/pledges.routes.js';
import { createPledgesService } from './modules/pledges/pledges.service.js';
import { createPageWriter, pagesRoutes, readerLanguage } from './modules/portal/pages.routes.js';
import { createPagesService } from './modules/portal/pages.service.js';
import { figuresRoutes } from './modules/progress/figures.routes.js';
import { createFiguresService } from './modules/progress/figures.service.js';
import { indicatorsRoutes } from './modules/progress/indicators.routes.js';
import { createIndicatorsService } from './modules/progress/indicators.service.js';
import { linesRoutes } from './modules/progress/lines.routes.js';
import { createLinesService } from './modules/progress/lines.service.js';
import { periodsRoutes } from './modules/progress/periods.routes.js';
import { createPeriodsService } from './modules/progress/periods.service.js';
import { reportsRoutes } from './modules/progress/reports.routes.js';
import { createReportsService } from './modules/progress/reports.service.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { createRegistryService } from './modules/registry/registry.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { createSearchService } from './modules/search/search.service.js';
import { sourcesDataset } from './modules/sources/sources.dataset.js';
import { visibleRecordsFrom } from './modules/sources/sources.links.js';
import { sourcesRoutes } from './modules/sources/sources.routes.js';
import { createSourcesService } from './modules/sources/sources.service.js';
import { decisionsRoutes } from './modules/statements/decisions.routes.js';
import { createDecisionsService } from './modules/statements/decisions.service.js';
import { proceduresRoutes } from './modules/statements/procedures.routes.js';
import { createProceduresService } from './modules/statements/procedures.service.js';
import { statementsRoutes } from './modules/statements/statements.routes.js';
import { createStatementsService } from './modules/statements/statements.service.js';
import { createProcedureSweeper, type ProcedureSweeper } from './modules/statements/sweeper.js';
import { apiDocs } from './plugins/api-docs.js';
import { registerAuth } from './plugins/auth.js';
import { drainRequests } from './plugins/drain.js';
import { registerErrorHandling, sendProblem } from './plugins/errors.js';
import { registerMetrics } from './plugins/metrics.js';
import { genReqId } from './plugins/request-context.js';
import { registerResponseHeaders } from './plugins/security.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
    /** Sends the outbox's mail: main.ts starts it on an interval; tests drain it once. */
    outbox: OutboxDrainer;
    /** Applies procedures' deadlines and sends their reminders: main.ts starts it on an interval; tests sweep once. */
    procedureSweeper: ProcedureSweeper;
    /** The read cache: tests that write rows directly drop its tags as a write would. */
    cache: Cache;
    /**
     * Called by main.ts on SIGTERM, before the grace period: readiness answers 503 from now on, so
     * that a load balancer stops sending, and every answer closes its connection, so that clients
     * and proxies open new ones (to another process, once this one's listener has closed) instead
     * of reusing one that is about to be closed under them.
     */
    startDraining: () => void;
  }
}

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; null or missing folder: API only. */
  webDist?: string | null;
  trustProxy?: boolean;
  rateLimitPerMinute?: number;
  session?: Partial<SessionSettings>;
  /** The site's address as readers know it (`https://entente.example.org`), for canonical links; else the request's host. */
  publicUrl?: string | null;
  /** Turn the read cache off (the benchmark measures with and without it). */
  disableCache?: boolean;
  /** The bearer token of `GET /metrics`; unset: metrics off (404). */
  metricsToken?: string;
  /** What time it is: the database's clock unless a test sets one. */
  clock?: Clock;
  /** Where mail goes: a transport (tests), else SMTP at `smtpUrl`, else the log. */
  mail?: { transport?: MailTransport; smtpUrl?: string; from?: string; outbox?: OutboxSettings };
}

/** The sender of mail when MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Entente <entente@localhost>';

/** Builds the whole app on a database; main.ts and every test build it the same way. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // A malformed URL (bad percent-encoding) is refused by the router before any hook runs.
    frameworkErrors: (error, req, reply) => sendProblem(req, reply, 'validation_failed', error.message),
    // A request that reaches a closing process (on a connection it accepted before closing its
    // listener) is served, not refused: the database stays open until every request has finished,
    // and a 503 to a write sent through a proxy would reach the client (a proxy retries only reads).
    // See the SIGTERM drain in main.ts.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  // Every route, as registered: the authorization matrix test checks it covers them all.
  const routes: { method: string; url: string }[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const cache = new Cache({
    crossProcess: database.kind === 'postgresql',
    listen: database.listen,
    log: app.log,
    disabled: options.disableCache,
  });
  await cache.start();
  app.decorate('cache', cache);

  const shutdown = { draining: false };
  app.decorate('startDraining', () => {
    if (shutdown.draining) return;
    shutdown.draining = true;
    drainRequests(app.server);
  });
  app.addHook('onClose', () => cache.stop());

  const session = { ...defaultSessionSettings, ...options.session };
  const deps = { db: database.db, read: database.read, cache, clock: options.clock ?? systemClock };
  const loader = createMeetingLoader(deps);
  const auth = createAuthService({ ...deps, settings: session });
  const meetings = createMeetingsService({ ...deps, loader });
  const statements = createStatementsService({ ...deps, loader });
  const pledges = createPledgesService(deps);
  const indicators = createIndicatorsService(deps);
  const members = createMembersService(deps);
  const registry = createRegistryService(deps);
  const decisions = createDecisionsService({ ...deps, loader });
  // A source's links to records the caller may not see are left out: their modules say which.
  const visibleRecords = visibleRecordsFrom({ meetings, statements, decisions, indicators, registry });
  const services = {
    auth,
    members,
    registry,
    audit: createAuditService(deps),
    health: createHealthService({ database, draining: () => shutdown.draining }),
    meetings,
    delegations: createDelegationsService({ ...deps, loader }),
    notifications: createNotificationsService(deps),
    desk: createDeskService(deps),
    calendar: createCalendarService({ ...deps, loader, auth }),
    meetingReads: createMeetingReadsService({ ...deps, loader }),
    procedures: createProceduresService(deps),
    statements,
    decisions,
    figures: createFiguresService(deps),
    pledges,
    imports: createImportsService(deps),
    // A line of effort's page asks the meetings and statements modules what the caller may see, and the pledges module its totals.
    lines: createLinesService({
      ...deps,
      meetingsOnLineOfEffort: meetings.meetingsOnLineOfEffort,
      statementsOfMeetings: statements.statementsOfMeetings,
      indicators,
      pledgeTotalsByLine: pledges.usdTotalsByLine,
    }),
    indicators,
    periods: createPeriodsService(deps),
    reports: createReportsService(deps),
    // The open data reads each list through the module that owns it.
    openData: createOpenDataService(
      createDatasets({
        read: deps.read,
        members,
        meetings,
        statements,
        decisions,
        indicators,
        pledges,
        sources: sourcesDataset({ db: deps.db, visibleRecords }),
      }),
    ),
    feeds: createFeedService({ clock: deps.clock, statements, decisions }),
    search: createSearchService(deps),
    sources: createSourcesService({ ...deps, visibleRecords }),
  };
  const lines = services.lines;
  // The pages' heads read each record through its module's service, as the public does.
  const pages = createPagesService({
    getMember: services.members.getMember,
    getMeeting: meetings.getMeeting,
    getStatement: statements.getStatement,
    listLines: lines.listLines,
    getIndicator: indicators.getIndicator,
    getPledge: pledges.getPledge,
  });

  const mail = options.mail ?? {};
  const transport =
    mail.transport ??
    (mail.smtpUrl ? smtpTransport(mail.smtpUrl, mail.from ?? DEFAULT_MAIL_FROM) : logTransport(app.log));
  const outbox = createOutboxDrainer({
    db: database.db,
    clock: deps.clock,
    log: app.log,
    transport,
    settings: mail.outbox,
  });
  app.decorate('outbox', outbox);
  app.addHook('onClose', () => outbox.stop());
  const procedureSweeper = createProcedureSweeper({ deps, log: app.log });
  app.decorate('procedureSweeper', procedureSweeper);
  app.addHook('onClose', () => procedureSweeper.stop());
  registerMetrics(app, {
    token: options.metricsToken,
    database,
    cache,
    runs: { procedure_sweep: procedureSweeper.lastRun, outbox_drain: outbox.lastRun },
  });

  registerResponseHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    // Only the API is limited; the app's static files are not worth counting.
    allowList: (req) => !req.url.startsWith('/api/'),
    // The limit and what is left are said with a 429 (and Retry-After), not on every answer.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Entente API', version: '1', description: 'Running a multinational coalition.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'entente_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(apiDocs);

  await app.register(
    async (api) => {
      registerAuth(api, services.auth);
      // The modules, written out: no autoloading to search for.
      await api.register(healthRoutes, { service: services.health });
      await api.register(authRoutes, { service: services.auth });
      await api.register(membersRoutes, { service: services.members });
      await api.register(registryRoutes, { service: services.registry });
      await api.register(auditRoutes, { service: services.audit });
      await api.register(meetingsRoutes, { meetings: services.meetings, delegations: services.delegations });
      await api.register(notificationsRoutes, { service: services.notifications });
      await api.register(deskRoutes, { service: services.desk });
      await api.register(calendarRoutes, { service: services.calendar });
      await api.register(meetingReadsRoutes, { service: services.meetingReads });
      await api.register(proceduresRoutes, { service: services.procedures });
      await api.register(statementsRoutes, { service: services.statements });
      await api.register(decisionsRoutes, { service: services.decisions });
      await api.register(figuresRoutes, { service: services.figures });
      await api.register(pledgesRoutes, { service: services.pledges });
      await api.register(importsRoutes, { service: services.imports });
      await api.register(linesRoutes, { service: services.lines });
      await api.register(indicatorsRoutes, { service: services.indicators });
      await api.register(periodsRoutes, { service: services.periods });
      await api.register(reportsRoutes, { service: services.reports });
      await api.register(openDataRoutes, { service: services.openData });
      await api.register(searchRoutes, { service: services.search });
      await api.register(sourcesRoutes, { service: services.sources });
    },
    { prefix: '/api/v1' },
  );

  await app.register(feedsRoutes, { service: services.feeds });

  const webDist = options.webDist ? resolve(options.webDist) : null;
  const hasWeb = webDist !== null && existsSync(resolve(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Files are looked up per request, so a rebuild under a running server is served as it is.
      wildcard: true,
      // `/` is the home page; any other folder answers 404 through the handler below.
      index: ['index.html'],
      // The build made .br and .gz of every text file: sent as they are to a browser that takes them.
      preCompressed: true,
      setHeaders: (res, path) => {
        // Vite names assets by their content hash: they never change, so they may be kept for good.
        const immutable = path.includes(`${sep}assets${sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const writer = hasWeb && webDist ? createPageWriter({ webDist, publicUrl: options.publicUrl }) : null;
  // The public pages, with their head (title, description, link previews) written on the server.
  if (writer) await app.register(pagesRoutes, { service: pages, writer });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    // The web app routes in the browser: any other GET for a page gets index.html. A missing
    // file (an asset of an older build, anything with an extension) is a 404, not a page.
    const isFile = path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);
    if (writer && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api') && !isFile) {
      // The workspace's pages: the site's head, not indexed, in the reader's language.
      const url = new URL(req.url, 'http://page');
      return writer.send(req, reply, pages.siteHead(readerLanguage(req, url), null));
    }
    return sendProblem(req, reply, 'not_found', `No route ${req.method} ${path}.`);
  });

  return app;
}
