import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';
import { PageLoader } from '../ui/PageLoader';

// Each page is its own chunk: the first load carries only the layout and the page it opens.
const HomePage = lazy(() => import('../features/home/HomePage'));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage'));
const LogInPage = lazy(() => import('../features/auth/LogInPage'));
const MyProfilePage = lazy(() => import('../features/profile/MyProfilePage'));
const OrganisationsPage = lazy(() => import('../features/organisations/OrganisationsPage'));
const PersonPage = lazy(() => import('../features/people/PersonPage'));
const BallotPage = lazy(() => import('../features/ballots/BallotPage'));
const WorkingGroupsPage = lazy(() => import('../features/working-groups/WorkingGroupsPage'));
const CreateWorkingGroupPage = lazy(() => import('../features/working-groups/CreateWorkingGroupPage'));
const WorkingGroupPage = lazy(() => import('../features/working-groups/WorkingGroupPage'));
const ChairTermsPage = lazy(() => import('../features/chair-terms/ChairTermsPage'));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage'));
const AuditVerifierPage = lazy(() => import('../features/audit/verify/AuditVerifierPage'));
const AuditEventPage = lazy(() => import('../features/audit/AuditEventPage'));
const PublicRecordPage = lazy(() => import('../features/public/PublicRecordPage'));
const SignatoriesPage = lazy(() => import('../features/endorsements/SignatoriesPage'));
const DocumentPage = lazy(() => import('../features/documents/DocumentPage'));
const CreateDocumentPage = lazy(() => import('../features/documents/CreateDocumentPage'));
const ComparePage = lazy(() => import('../features/documents/ComparePage'));
const ProvenancePage = lazy(() => import('../features/documents/ProvenancePage'));
const DispositionsPage = lazy(() => import('../features/documents/DispositionsPage'));
const ImportDocumentPage = lazy(() => import('../features/exchange/ImportDocumentPage'));
const ProposeFromWordPage = lazy(() => import('../features/exchange/ProposeFromWordPage'));
const BracketLedgerPage = lazy(() => import('../features/negotiation/BracketLedgerPage'));
const CompilationPage = lazy(() => import('../features/negotiation/CompilationPage'));
const HowItWorksPage = lazy(() => import('../features/how-it-works/HowItWorksPage'));
const OrganisationPage = lazy(() => import('../features/confirmations/OrganisationPage'));
const ConfirmationQueuePage = lazy(() => import('../features/confirmations/ConfirmationQueuePage'));
const NotificationCentrePage = lazy(() => import('../features/notifications/NotificationCentrePage'));
const NotificationPreferencesPage = lazy(() => import('../features/notifications/NotificationPreferencesPage'));
const VerifyEmailPage = lazy(() => import('../features/notifications/VerifyEmailPage'));
const UnsubscribePage = lazy(() => import('../features/notifications/UnsubscribePage'));
const OutboxPage = lazy(() => import('../features/notifications/OutboxPage'));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage'));
const SecurityPage = lazy(() => import('../features/security/SecurityPage'));
const SecondFactorPage = lazy(() => import('../features/auth/SecondFactorPage'));
const IdentityProvidersPage = lazy(() => import('../features/identity-providers/IdentityProvidersPage'));
const RoomScreenPage = lazy(() => import('../features/meetings/room/RoomScreenPage'));
const SearchPage = lazy(() => import('../features/search/SearchPage'));
const AgreedLanguagePage = lazy(() => import('../features/agreed-language/AgreedLanguagePage'));

/**
 * The app's routes. Later features add theirs here and their entry in `navigation.ts`
 * (working groups, who chaired what, documents); nothing links to a page before it exists.
 */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'login', element: <LogInPage /> },
      { path: 'login/second-factor', element: <SecondFactorPage /> },
      { path: 'me/security', element: <SecurityPage /> },
      { path: 'steward/identity-providers', element: <IdentityProvidersPage /> },
      { path: 'me', element: <MyProfilePage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'confirmations', element: <ConfirmationQueuePage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'ballots/:id', element: <BallotPage /> },
      { path: 'working-groups', element: <WorkingGroupsPage /> },
      { path: 'working-groups/new', element: <CreateWorkingGroupPage /> },
      { path: 'working-groups/:id', element: <WorkingGroupPage /> },
      { path: 'chair-terms', element: <ChairTermsPage /> },
      { path: 'working-groups/:id/record', element: <PublicRecordPage /> },
      { path: 'working-groups/:id/audit', element: <AuditLogPage /> },
      { path: 'audit', element: <AuditLogPage /> },
      { path: 'audit/verify', element: <AuditVerifierPage /> },
      { path: 'audit/events/:scope/:sequence', element: <AuditEventPage /> },
      { path: 'documents/:id/versions/:n/signatories', element: <SignatoriesPage /> },
      { path: 'working-groups/:id/documents/new', element: <CreateDocumentPage /> },
      { path: 'working-groups/:id/documents/import', element: <ImportDocumentPage /> },
      { path: 'documents/:id/import', element: <ProposeFromWordPage /> },
      { path: 'documents/:id', element: <DocumentPage /> },
      { path: 'documents/:id/compare', element: <ComparePage /> },
      { path: 'documents/:id/versions/:n/provenance', element: <ProvenancePage /> },
      { path: 'documents/:id/versions/:n/dispositions', element: <DispositionsPage /> },
      { path: 'documents/:id/brackets', element: <BracketLedgerPage /> },
      { path: 'documents/:id/compilation', element: <CompilationPage /> },
      { path: 'how-it-works', element: <HowItWorksPage /> },
      { path: 'notifications', element: <NotificationCentrePage /> },
      { path: 'me/notifications', element: <NotificationPreferencesPage /> },
      // The address e-mail footers give for the same page.
      { path: 'notifications/preferences', element: <NotificationPreferencesPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'unsubscribe', element: <UnsubscribePage /> },
      { path: 'steward/outbox', element: <OutboxPage /> },
      { path: 'meetings/:id', element: <MeetingPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'agreed-language', element: <AgreedLanguagePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // The room screen fills the projector: no header, no navigation (issue #21).
  {
    path: 'meetings/:id/room',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<PageLoader />}>
        <RoomScreenPage />
      </Suspense>
    ),
  },
];
