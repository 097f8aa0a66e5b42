import type { QueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { type RouteObject, useLocation, useRoutes } from 'react-router';
import { NotFoundPage } from '../components/NotFound.page.js';
import { RouteErrorBoundary } from '../components/RouteError.js';
import { meQuery } from '../features/auth/auth.api.js';
import { HomePage } from '../features/home/Home.page.js';
import {
  adoptedStatementsQuery,
  headlineFiguresQuery,
  homeMeetingsQuery,
  latestPressQuery,
} from '../features/home/home.api.js';
import { meetingQuery, memberDelegationsQuery, protocolOrderQuery } from '../features/meetings/meetings.api.js';
import { memberContributionsQuery, memberStatementsQuery } from '../features/members/member-record.api.js';
import { actorsQuery, memberQuery, membersQuery, peopleQuery } from '../features/members/members.api.js';
import { memberPledgesQuery } from '../features/pledges/pledges.api.js';
import { sourcesQuery } from '../features/sources/sources.api.js';
import { statementQuery } from '../features/statements/statements.api.js';
import { Layout } from './Layout.js';
import { afterRecord, type PageHandle } from './preload.js';

// Only the home page and the frame load with the app: every other page is a chunk of its own, so
// that a visitor of the home page does not download the others' components, forms and selects.
const MembersPage = lazy(() => import('../features/members/Members.page.js').then((m) => ({ default: m.MembersPage })));
const memberPage = () => import('../features/members/Member.page.js');
const MemberPage = lazy(() => memberPage().then((m) => ({ default: m.MemberPage })));
const MeetingsPage = lazy(() =>
  import('../features/meetings/Meetings.page.js').then((m) => ({ default: m.MeetingsPage })),
);
const meetingPage = () => import('../features/meetings/Meeting.page.js');
const MeetingPage = lazy(() => meetingPage().then((m) => ({ default: m.MeetingPage })));
const SignInPage = lazy(() => import('../features/auth/SignIn.page.js').then((m) => ({ default: m.SignInPage })));

// The secretariat's pages are for a few people: the public never downloads them.
const SecretariatArea = lazy(() =>
  import('../features/secretariat/SecretariatArea.js').then((m) => ({ default: m.SecretariatArea })),
);
const SecretariatPage = lazy(() =>
  import('../features/secretariat/Secretariat.page.js').then((m) => ({ default: m.SecretariatPage })),
);
const AddMemberPage = lazy(() =>
  import('../features/secretariat/AddMember.page.js').then((m) => ({ default: m.AddMemberPage })),
);
const EditMemberPage = lazy(() =>
  import('../features/secretariat/EditMember.page.js').then((m) => ({ default: m.EditMemberPage })),
);

// Naming a delegation and printing the list are for a few people too.
const NameDelegationPage = lazy(() =>
  import('../features/meetings/NameDelegation.page.js').then((m) => ({ default: m.NameDelegationPage })),
);
const PrintDelegationsPage = lazy(() =>
  import('../features/meetings/PrintDelegations.page.js').then((m) => ({ default: m.PrintDelegationsPage })),
);
const NewMeetingPage = lazy(() =>
  import('../features/meetings/NewMeeting.page.js').then((m) => ({ default: m.NewMeetingPage })),
);
const EditMeetingPage = lazy(() =>
  import('../features/meetings/EditMeeting.page.js').then((m) => ({ default: m.EditMeetingPage })),
);

// Statements and the decision register: their pages load when opened.
const StatementsPage = lazy(() =>
  import('../features/statements/Statements.page.js').then((m) => ({ default: m.StatementsPage })),
);
const statementPage = () => import('../features/statements/Statement.page.js');
const StatementPage = lazy(() => statementPage().then((m) => ({ default: m.StatementPage })));
const DecisionsPage = lazy(() =>
  import('../features/statements/Decisions.page.js').then((m) => ({ default: m.DecisionsPage })),
);
const NewStatementPage = lazy(() =>
  import('../features/statements/NewStatement.page.js').then((m) => ({ default: m.NewStatementPage })),
);
const EditStatementPage = lazy(() =>
  import('../features/statements/EditStatement.page.js').then((m) => ({ default: m.EditStatementPage })),
);

// The dashboards and their charts load when opened.
const IndicatorDashboardPage = lazy(() =>
  import('../features/dashboards/IndicatorDashboard.page.js').then((m) => ({ default: m.IndicatorDashboardPage })),
);
const IndicatorValuesPage = lazy(() =>
  import('../features/dashboards/IndicatorValues.page.js').then((m) => ({ default: m.IndicatorValuesPage })),
);
const LineDashboardPage = lazy(() =>
  import('../features/dashboards/LineDashboard.page.js').then((m) => ({ default: m.LineDashboardPage })),
);
// Pledges and the FX table: their pages load when opened.
const PledgesPage = lazy(() => import('../features/pledges/Pledges.page.js').then((m) => ({ default: m.PledgesPage })));
const PledgePage = lazy(() => import('../features/pledges/Pledge.page.js').then((m) => ({ default: m.PledgePage })));
const NewPledgePage = lazy(() =>
  import('../features/pledges/NewPledge.page.js').then((m) => ({ default: m.NewPledgePage })),
);
const FxRatesPage = lazy(() => import('../features/pledges/FxRates.page.js').then((m) => ({ default: m.FxRatesPage })));
// The public data page, loaded when opened.
const OpenDataPage = lazy(() =>
  import('../features/open-data/OpenData.page.js').then((m) => ({ default: m.OpenDataPage })),
);
// Progress: lines of effort and working groups, loaded when opened.
const LinesOfEffortPage = lazy(() =>
  import('../features/progress/LinesOfEffort.page.js').then((m) => ({ default: m.LinesOfEffortPage })),
);
const LineOfEffortPage = lazy(() =>
  import('../features/progress/LineOfEffort.page.js').then((m) => ({ default: m.LineOfEffortPage })),
);
const WorkingGroupsPage = lazy(() =>
  import('../features/progress/WorkingGroups.page.js').then((m) => ({ default: m.WorkingGroupsPage })),
);
// Reporting (members' reports and the secretariat's review): for a few people, loaded when opened.
const MyReportsPage = lazy(() =>
  import('../features/reporting/MyReports.page.js').then((m) => ({ default: m.MyReportsPage })),
);
const ReportPage = lazy(() => import('../features/reporting/Report.page.js').then((m) => ({ default: m.ReportPage })));
const ReportQueuePage = lazy(() =>
  import('../features/reporting/ReportQueue.page.js').then((m) => ({ default: m.ReportQueuePage })),
);
const PeriodsPage = lazy(() =>
  import('../features/reporting/Periods.page.js').then((m) => ({ default: m.PeriodsPage })),
);
const IndicatorsPage = lazy(() =>
  import('../features/reporting/Indicators.page.js').then((m) => ({ default: m.IndicatorsPage })),
);

// Imports and exports: for the secretariat and focal points.
const ImportsPage = lazy(() => import('../features/imports/Imports.page.js').then((m) => ({ default: m.ImportsPage })));
// Sources and press: the register and the secretariat's forms, each in its own chunk.
const SourcesPage = lazy(() => import('../features/sources/Sources.page.js').then((m) => ({ default: m.SourcesPage })));
const NewSourcePage = lazy(() =>
  import('../features/sources/NewSource.page.js').then((m) => ({ default: m.NewSourcePage })),
);
const EditSourcePage = lazy(() =>
  import('../features/sources/EditSource.page.js').then((m) => ({ default: m.EditSourcePage })),
);
// Each signed-in user's starting point: nothing the public needs.
const DeskPage = lazy(() => import('../features/desk/Desk.page.js').then((m) => ({ default: m.DeskPage })));

// Search: the header's box leads here.
const SearchPage = lazy(() => import('../features/search/Search.page.js').then((m) => ({ default: m.SearchPage })));

/** What every page reads, whichever it is: who is signed in (the header). */
export const preloadAlways = (queryClient: QueryClient) => void queryClient.prefetchQuery(meQuery());

// The public pages a visitor most often arrives on say what they need (app/preload.ts): what a
// phone on a slow network waits for round trip after round trip otherwise. Each list is what the
// page reads as it first renders; the browser test (e2e/preload.test.ts) holds the app's own
// catalogs back and checks that all of it is asked for meanwhile.
const homeHandle: PageHandle = {
  preload: {
    namespaces: ['home', 'progress', 'meetings'],
    data: (queryClient) => {
      void queryClient.prefetchQuery(membersQuery());
      void queryClient.prefetchQuery(actorsQuery());
      void queryClient.prefetchQuery(headlineFiguresQuery());
      void queryClient.prefetchQuery(latestPressQuery());
      void queryClient.prefetchQuery(adoptedStatementsQuery());
      void queryClient.prefetchQuery(homeMeetingsQuery('upcoming'));
      void queryClient.prefetchQuery(homeMeetingsQuery('past'));
    },
  },
};
const statementHandle: PageHandle = {
  preload: {
    namespaces: ['statements', 'meetings', 'members', 'sources'],
    page: statementPage,
    data: (queryClient, { id = '' }) => {
      afterRecord(queryClient.fetchQuery(statementQuery(id)), () => {
        void queryClient.prefetchQuery(sourcesQuery({ subject: 'statement', key: id }));
      });
    },
  },
};

const memberHandle: PageHandle = {
  preload: {
    namespaces: ['members', 'meetings', 'pledges', 'progress', 'sources'],
    page: memberPage,
    data: (queryClient, { code: raw = '' }) => {
      const code = raw.toUpperCase();
      afterRecord(queryClient.fetchQuery(memberQuery(code)), () => {
        void queryClient.prefetchQuery(peopleQuery(code));
        void queryClient.prefetchQuery(memberDelegationsQuery(code));
        void queryClient.prefetchQuery(memberStatementsQuery(code));
        void queryClient.prefetchQuery(memberPledgesQuery(code));
        void queryClient.prefetchQuery(memberContributionsQuery(code));
        void queryClient.prefetchQuery(sourcesQuery({ subject: 'member', key: code }));
      });
    },
  },
};

const meetingHandle: PageHandle = {
  preload: {
    namespaces: ['meetings', 'members', 'sources'],
    page: meetingPage,
    data: (queryClient, { id = '' }) => {
      afterRecord(queryClient.fetchQuery(meetingQuery(id)), () => {
        void queryClient.prefetchQuery(protocolOrderQuery(id));
        void queryClient.prefetchQuery(membersQuery());
        void queryClient.prefetchQuery(sourcesQuery({ subject: 'meeting', key: id }));
      });
    },
  },
};

// react-router's declarative router, not its data router: the app reads its data through TanStack
// Query, and the data router's code (loaders, actions, fetchers, its scroll restoration) was about
// 15 KiB gzip of the first load that no page used. ScrollRestoration.tsx and RouteErrorBoundary
// stand in for the two parts of it the app did use.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage />, handle: homeHandle },
      { path: 'members', element: <MembersPage /> },
      { path: 'members/:code', element: <MemberPage />, handle: memberHandle },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/:id', element: <MeetingPage />, handle: meetingHandle },
      { path: 'meetings/:id/delegations/:code', element: <NameDelegationPage /> },
      { path: 'meetings/:id/print', element: <PrintDelegationsPage /> },
      { path: 'statements', element: <StatementsPage /> },
      { path: 'statements/:id', element: <StatementPage />, handle: statementHandle },
      { path: 'decisions', element: <DecisionsPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'indicators/:key', element: <IndicatorDashboardPage /> },
      { path: 'indicators/:key/values', element: <IndicatorValuesPage /> },
      { path: 'lines-of-effort/:key/dashboard', element: <LineDashboardPage /> },
      { path: 'pledges', element: <PledgesPage /> },
      { path: 'pledges/new', element: <NewPledgePage /> },
      { path: 'pledges/:id', element: <PledgePage /> },
      { path: 'lines-of-effort', element: <LinesOfEffortPage /> },
      { path: 'lines-of-effort/:key', element: <LineOfEffortPage /> },
      { path: 'working-groups', element: <WorkingGroupsPage /> },
      { path: 'open-data', element: <OpenDataPage /> },
      { path: 'sources', element: <SourcesPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'desk', element: <DeskPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'reports', element: <MyReportsPage /> },
      { path: 'reports/:period/:memberCode', element: <ReportPage /> },
      {
        path: 'secretariat',
        element: <SecretariatArea />,
        children: [
          { index: true, element: <SecretariatPage /> },
          { path: 'members/new', element: <AddMemberPage /> },
          { path: 'members/:code/edit', element: <EditMemberPage /> },
          { path: 'meetings/new', element: <NewMeetingPage /> },
          { path: 'meetings/:id/edit', element: <EditMeetingPage /> },
          { path: 'statements/new', element: <NewStatementPage /> },
          { path: 'statements/:id/edit', element: <EditStatementPage /> },
          { path: 'fx-rates', element: <FxRatesPage /> },
          { path: 'reports', element: <ReportQueuePage /> },
          { path: 'reports/:period/:memberCode', element: <ReportPage /> },
          { path: 'periods', element: <PeriodsPage /> },
          { path: 'indicators', element: <IndicatorsPage /> },
          { path: 'sources/new', element: <NewSourcePage /> },
          { path: 'sources/:id/edit', element: <EditSourcePage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The page at the current address, in place of the whole app if it fails to render. */
export function AppRoutes() {
  const { pathname } = useLocation();
  const page = useRoutes(routes);
  return <RouteErrorBoundary pathname={pathname}>{page}</RouteErrorBoundary>;
}
