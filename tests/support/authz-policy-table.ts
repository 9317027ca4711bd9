import { randomBytes } from 'node:crypto';
import { DOCX_MEDIA_TYPE, refusal, type AffiliationResponse, type ClauseStatusHistory, type DivisionList, type DocumentResponse, type JoinRequestResponse, type Refusal } from '@parley/contracts';
import type { EntityManager } from 'typeorm';
import * as ballotPolicy from '../../apps/api/src/decisions/ballot.policy';
import { BallotRepository } from '../../apps/api/src/decisions/ballot.repository';
import * as draftingPolicy from '../../apps/api/src/drafting/drafting.policy';
import * as bracketsPolicy from '../../apps/api/src/negotiation/brackets/brackets.policy';
import * as streamliningPolicy from '../../apps/api/src/negotiation/streamlining/streamlining.policy';
import * as clauseStatusPolicy from '../../apps/api/src/negotiation/clause-status/clause-status.policy';
import * as divisionPolicy from '../../apps/api/src/procedures/division/division.policy';
import { findAdRef } from '../../apps/api/src/negotiation/clause-status/clause-status.reads';
import * as accreditationPolicy from '../../apps/api/src/procedures/accreditation/accreditation.policy';
import { circulationOf, lockObjection, objectionsOf } from '../../apps/api/src/procedures/accreditation/accreditation.reads';
import * as chairsTextsPolicy from '../../apps/api/src/negotiation/chairs-texts/chairs-texts.policy';
import * as explanationsPolicy from '../../apps/api/src/procedures/explanations/explanations.policy';
import * as proxiesPolicy from '../../apps/api/src/procedures/proxies/proxies.policy';
import { ProxiesService } from '../../apps/api/src/procedures/proxies/proxies.service';
import * as silencePolicy from '../../apps/api/src/procedures/silence/silence.policy';
import * as mentionPolicy from '../../apps/api/src/mentions/mention.policy';
import * as meetingsPolicy from '../../apps/api/src/meetings/meetings.policy';
import { AmendmentRepository } from '../../apps/api/src/drafting/amendment.repository';
import { DraftingStandings } from '../../apps/api/src/drafting/drafting-standings';
import { PeopleService } from '../../apps/api/src/identity/people.service';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { ChairTermRepository } from '../../apps/api/src/working-groups/chair-term.repository';
import { WorkingGroupAccess } from '../../apps/api/src/working-groups/working-group-access';
import { WorkingGroupStandings } from '../../apps/api/src/working-groups/working-group-standing';
import * as groupPolicy from '../../apps/api/src/working-groups/working-group.policy';
import { WorkingGroupRepository } from '../../apps/api/src/working-groups/working-group.repository';
import { EndorsementService } from '../../apps/api/src/endorsements/endorsement.service';
import * as endorsementPolicy from '../../apps/api/src/endorsements/endorsement.policy';
import { DocumentReads } from '../../apps/api/src/drafting/document-reads.service';
import { FocalPointRepository } from '../../apps/api/src/identity/focal-point.repository';
import { MailLinker } from '../../apps/api/src/mail/mail-links';
import { verificationToken } from '../../apps/api/src/mail/mail-tokens';
import { appointmentVerdict, confirmationVerdict, endAppointmentVerdict, isoDay, type ConfirmationRefusal } from '@parley/domain';
import {
  activeMemberEndorsement,
  adoptedDocument,
  memberOrganisationId,
  type AuthzWorld,
  type CellGroup,
  freshSession,
  inADay,
  newAmendment,
  newComment,
  newMotion,
  operativeClause,
  personOf,
  type Role,
} from './authz-world';
import { cleanResolutionDocx, trackedResolutionDocx } from './docx-files';
import { newPerson } from './factories';
import { stewardRole } from '../../apps/api/src/policy/permissions';
import type { Actor } from '../../apps/api/src/identity/actor';
import { enrol, firstFactor, totp } from './two-factor';
import { startOidcProvider, type TestOidcProvider } from './oidc-provider';
import type { ApiClient } from './http-client';
import type { TestApp } from './test-app';

/**
 * The authorisation matrix's table: for every route, how to make a request that an allowed actor
 * could make successfully, and WHICH POLICY FUNCTION the route's service applies after the route's
 * own @Allow rule. The expected verdicts are not written here: they are computed by calling that
 * very function (the one the service imports) on the actor's standing, loaded by the app's own
 * standing loaders from the database just before the request. A route missing from this table fails
 * the matrix test, so a new endpoint cannot ship without saying who may use it.
 */
export type Verdict = true | Refusal;

export interface Cell {
  w: AuthzWorld;
  role: Role;
  client: ApiClient;
  /** The actor's person id; null for anonymous. */
  actorId: string | null;
  /** A fresh group with the matrix's roles, made on first use. */
  group(): Promise<CellGroup>;
  /** A document of that group, made on first use. */
  doc(): Promise<DocumentResponse>;
}

export interface CellRequest {
  path: string;
  body?: unknown;
  /** Headers of the request (the media type of an uploaded file sent as the body). */
  headers?: Record<string, string>;
  /** Another client than the role's usual one (a second session, for log out). */
  client?: ApiClient;
  /** Ids the policy needs (the group, the subject acted on). */
  subject?: Record<string, string>;
  /** A browser navigation (institutional sign-in): its answer is a redirect (302), not followed. */
  navigation?: true;
}

export interface PolicyInput {
  t: TestApp;
  manager: EntityManager;
  now: Date;
  actorId: string;
  subject: Record<string, string>;
}

/** The context policy of a route, evaluated as its service does; 'route rule only' when the route's @Allow/@Public decides alone. */
export type ContextPolicy = 'route rule only' | ((p: PolicyInput) => Promise<Verdict>);

export interface RouteCase {
  request(c: Cell): Promise<CellRequest>;
  policy: ContextPolicy;
  /** The cells share a subject: build each one's request just before it is sent, not all seven at once. */
  serial?: true;
  /** Roles for which an allowed request still meets a 409 (the state of the subject, not a right), and why. */
  allowedConflict?: (role: Role) => boolean;
}

const uniq = () => randomBytes(4).toString('hex');

/** One subject per cell group: the seven read cells of a GET share their group, so they share its subject too. */
const perGroup = new Map<string, Promise<string>>();
const once = (key: string, make: () => Promise<string>): Promise<string> => {
  if (!perGroup.has(key)) perGroup.set(key, make());
  return perGroup.get(key)!;
};
const get = <T>(t: TestApp, token: abstract new (...args: never[]) => T): T => t.app.get(token as never, { strict: false }) as T;

// ---- standings, loaded by the app's own loaders ----

async function groupStanding(p: PolicyInput, groupId: string) {
  const group = (await get(p.t, WorkingGroupRepository).findGroup(groupId, p.manager))!;
  return get(p.t, WorkingGroupStandings).of(p.manager, group, p.actorId, p.now);
}
const draftingStanding = (p: PolicyInput, groupId: string) => get(p.t, DraftingStandings).of(p.manager, groupId, p.actorId, p.now);
async function openerStanding(p: PolicyInput, groupId: string): Promise<ballotPolicy.OpenerStanding> {
  const settings = (await get(p.t, WorkingGroupAccess).settings(p.manager, groupId))!;
  const s = await get(p.t, WorkingGroupAccess).standing(p.manager, groupId, p.actorId, p.now);
  return { isChair: s.isChair, currentSnapshot: s.currentSnapshot, groupStatus: settings.status };
}
/** A refusal is a denial only when it is about the person (403); a closed ballot is a state (409), not a right. */
const refusalVerdict = (r: Verdict): Verdict => (r === true || r.status === 409 ? true : r);

/** Group-scoped routes name the policy their service calls, on the standing in the group the subject belongs to. */
const inGroup =
  (decide: (p: PolicyInput, groupId: string) => Promise<Verdict>): ContextPolicy =>
  (p) =>
    decide(p, p.subject.groupId);

// ---- fixtures of one cell ----

/** A new signed-in person standing in for the cell's role on routes about one's own account (null for the anonymous cell). */
const ownPerson = async (c: Cell) => (c.role === 'anonymous' ? null : newPerson(c.w.anon.baseUrl));

async function groupReq(c: Cell, suffix: string, body?: unknown): Promise<CellRequest> {
  const g = await c.group();
  return { path: `/api/working-groups/${g.id}${suffix}`, body, subject: { groupId: g.id } };
}
async function docReq(c: Cell, suffix: string, body?: (doc: DocumentResponse) => unknown): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  return { path: `/api/documents/${doc.id}${suffix}`, body: body?.(doc), subject: { groupId: g.id, documentId: doc.id } };
}
async function amendmentReq(c: Cell, suffix: string, author: 'member' | 'extra', body?: unknown): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  const id = await once(`amendment:${g.id}:${author}`, () => newAmendment(c.w, doc, author === 'extra' ? c.w.extra : c.w.people.member));
  return { path: `/api/amendments/${id}${suffix}`, body, subject: { groupId: g.id, amendmentId: id } };
}
async function commentReq(c: Cell, suffix: string, body: unknown): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  const id = await once(`comment:${g.id}`, () => newComment(c.w, doc, c.w.extra));
  return { path: `/api/comments/${id}${suffix}`, body, subject: { groupId: g.id, commentId: id } };
}
async function ballotReq(c: Cell, suffix: string, body?: unknown): Promise<CellRequest> {
  const g = await c.group();
  const id = await once(`motion:${g.id}`, () => newMotion(c.w, g));
  return { path: `/api/ballots/${id}${suffix}`, body, subject: { groupId: g.id, ballotId: id } };
}
/** A bracket on the cell document's operative clause, opened by `extra` (a voting member) with one option. */
async function bracketReq(c: Cell, suffix: string, body?: unknown): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  const id = await once(`bracket:${g.id}`, async () => {
    const res = await c.w.extra.client.post<{ id: string }>(`/api/documents/${doc.id}/brackets`, { ...publicCore(doc), reason: 'Not agreed.', options: [{ text: 'the core' }] });
    if (res.status !== 201) throw new Error(`open bracket: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  });
  return { path: `/api/brackets/${id}${suffix}`, body, subject: { groupId: g.id, bracketId: id } };
}
/** “public core” in the cell document's operative clause, as a bracket request names it. */
function publicCore(doc: DocumentResponse) {
  const clause = doc.version.clauses.find((x) => x.kind === 'operative')!;
  const start = clause.text.indexOf('public core');
  return { version: doc.version.number, clauseId: clause.id, start, end: start + 'public core'.length, passage: 'public core' };
}
const nominations = new Map<string, Promise<string>>();
/** The member's self-nomination in the cell's group (one per group: the read cells of a GET share it). */
async function nominationOfMember(c: Cell): Promise<{ groupId: string; nominationId: string }> {
  const g = await c.group();
  if (!nominations.has(g.id))
    nominations.set(
      g.id,
      (async () => {
        const res = await c.w.people.member.client.post<{ id: string }>(`/api/working-groups/${g.id}/chair-nominations`, {
          nomineeId: c.w.people.member.id,
          statement: 'I will chair in the open.',
        });
        if (res.status !== 201) throw new Error(`nominate: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.id;
      })(),
    );
  return { groupId: g.id, nominationId: await nominations.get(g.id)! };
}
async function chairTermOfChair(c: Cell): Promise<{ groupId: string; termId: string }> {
  const g = await c.group();
  const [row] = await c.w.t.dataSource.query(`SELECT id FROM chair_terms WHERE working_group_id = $1 AND person_id = $2 AND ended_at IS NULL`, [
    g.id,
    c.w.people.chair.id,
  ]);
  return { groupId: g.id, termId: row.id };
}
async function pendingRequest(c: Cell): Promise<{ groupId: string; requestId: string }> {
  const g = await c.group();
  const res = await c.w.applicant.client.post<JoinRequestResponse>(`/api/working-groups/${g.id}/join-requests`, {
    kind: 'member',
    statement: 'We would like to take part.',
  });
  if (res.status !== 201) throw new Error(`join request: ${res.status} ${JSON.stringify(res.body)}`);
  return { groupId: g.id, requestId: res.body.id };
}
/** A pending request of the cell's group circulated under non-objection until tomorrow (written straight into its table: the group keeps its policy for the other routes). */
async function circulatedRequest(c: Cell): Promise<{ groupId: string; requestId: string }> {
  const { groupId, requestId } = await pendingRequest(c);
  await c.w.t.dataSource.query(`INSERT INTO join_request_circulations (join_request_id, working_group_id, hours, ends_at) VALUES ($1, $2, 24, now() + interval '1 day')`, [requestId, groupId]);
  return { groupId, requestId };
}
/** An affiliation of the actor's own to act on: a current, non-primary one, or (for someone with no current affiliation) a past one, so the cell never changes who they represent. */
async function ownAffiliation(c: Cell): Promise<string> {
  const person = personOf(c.w, c.role);
  if (!person) return (await c.w.t.dataSource.query(`SELECT id FROM affiliations LIMIT 1`))[0].id;
  const hasCurrent = c.role !== 'no-affiliation';
  const res = await person.client.post<AffiliationResponse>('/api/me/affiliations', {
    organisationId: c.w.organisationId,
    title: 'Adviser',
    startDate: '2001-01-01',
    ...(hasCurrent ? { primary: false } : { endDate: '2002-01-01' }),
  });
  if (res.status !== 201) throw new Error(`add affiliation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

let oidcProvider: Promise<TestOidcProvider> | null = null;
/** An OpenID Connect provider for the matrix's cells (stewards register it: the issuer is checked by discovery). */
const matrixIdp = (c: Cell) =>
  (oidcProvider ??= startOidcProvider([`${c.w.t.baseUrl}/api/auth/oidc/callback`]).then((p) => {
    p.unref();
    return p;
  }));
const providerBody = async (c: Cell) => {
  const idp = await matrixIdp(c);
  return { name: `Provider ${uniq()}`, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret };
};
/** A provider registered by the steward, that the cells start linking to. */
const linkableProvider = (c: Cell) =>
  once('identity-provider:linkable', async () => {
    const res = await c.w.people.steward.client.post<{ id: string }>('/api/identity-providers', await providerBody(c));
    if (res.status !== 201) throw new Error(`register provider: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  });
/** A provider written straight into its table, for changes that need no provider to answer. */
const fixtureProvider = (c: Cell) =>
  once('identity-provider', async () => {
    const [row] = await c.w.t.dataSource.query(
      `INSERT INTO identity_providers (name, issuer, client_id, client_secret_sealed, created_at, updated_at) VALUES ($1, 'https://sso.example.org', 'parley', 'v1.x.x.x', now(), now()) RETURNING id`,
      [`Fixture provider ${uniq()}`],
    );
    return row.id as string;
  });
/** The actor's own link to the fixture provider, to unlink (they keep their password). */
async function ownLink(c: Cell): Promise<string> {
  const providerId = await fixtureProvider(c);
  if (c.actorId)
    await c.w.t.dataSource.query(
      `INSERT INTO identity_provider_links (provider_id, subject, issuer, person_id, linked_at) VALUES ($1, $2, 'https://sso.example.org', $3, now()) ON CONFLICT DO NOTHING`,
      [providerId, `subject-${uniq()}`, c.actorId],
    );
  return providerId;
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  // ---------- platform, identity, organisations, audit ----------
  'GET /api/health': { request: async () => ({ path: '/api/health' }), policy: 'route rule only' },
  'POST /api/auth/register': {
    request: async () => ({
      path: '/api/auth/register',
      body: { name: 'New Delegate', email: `new-${uniq()}@example.org`, password: 'correct horse battery' },
    }),
    policy: 'route rule only',
  },
  'POST /api/auth/login': {
    request: async (c) => ({ path: '/api/auth/login', body: { email: c.w.applicant.email, password: 'correct horse battery' } }),
    policy: 'route rule only',
  },
  // A second session, so the matrix goes on with the role's usual token.
  'POST /api/auth/logout': {
    request: async (c) => ({ path: '/api/auth/logout', body: {}, client: await freshSession(c.w, c.role) }),
    policy: 'route rule only',
  },
  'GET /api/me': { request: async () => ({ path: '/api/me' }), policy: 'route rule only' },
  // Institutional sign-in (decision record 0049): stewards only for providers; sign-in navigations are public.
  'GET /api/identity-providers': { request: async () => ({ path: '/api/identity-providers' }), policy: 'route rule only' },
  'POST /api/identity-providers': {
    request: async (c) => ({ path: '/api/identity-providers', body: await providerBody(c) }),
    policy: 'route rule only',
  },
  'PATCH /api/identity-providers/{id}': {
    request: async (c) => ({ path: `/api/identity-providers/${await fixtureProvider(c)}`, body: { lapseDays: 20 } }),
    policy: 'route rule only',
  },
  'GET /api/auth/identity-providers': { request: async () => ({ path: '/api/auth/identity-providers' }), policy: 'route rule only' },
  // Browser navigations, answered by redirects: to the provider, or back to the sign-in page (an unknown provider, a state nobody started).
  'GET /api/auth/oidc/{providerId}/start': { request: async (c) => ({ path: `/api/auth/oidc/${await linkableProvider(c)}/start`, navigation: true }), policy: 'route rule only' },
  'GET /api/auth/oidc/callback': { request: async () => ({ path: '/api/auth/oidc/callback?state=none&code=none', navigation: true }), policy: 'route rule only' },
  // Linking is started from the browser's own session with the password again (decision record 0049): the matrix's bearer tokens are refused.
  'POST /api/auth/oidc/{providerId}/link': {
    request: async (c) => ({ path: `/api/auth/oidc/${await linkableProvider(c)}/link`, body: { password: 'correct horse battery' } }),
    policy: async () => refusal('link-needs-browser-session'),
  },
  'GET /api/me/linked-accounts': { request: async () => ({ path: '/api/me/linked-accounts' }), policy: 'route rule only' },
  'DELETE /api/me/linked-accounts/{providerId}': { request: async (c) => ({ path: `/api/me/linked-accounts/${await ownLink(c)}` }), policy: 'route rule only' },
  'POST /api/me/affiliations': {
    request: async (c) => ({
      path: '/api/me/affiliations',
      body: { organisationId: c.w.organisationId, title: 'Former adviser', startDate: '2001-01-01', endDate: '2002-01-01' },
    }),
    policy: 'route rule only',
  },
  // Someone with no current affiliation can only act on a past one, and ending it again is a 409.
  'PATCH /api/me/affiliations/{id}': {
    request: async (c) => ({ path: `/api/me/affiliations/${await ownAffiliation(c)}`, body: { endDate: '2099-01-01' } }),
    policy: 'route rule only',
    allowedConflict: (role) => role === 'no-affiliation',
  },
  'POST /api/me/declarations': {
    request: async () => ({
      path: '/api/me/declarations',
      body: { kind: 'consultancy', organisationName: 'Some Consultancy', note: 'Advised on export controls in 2019.' },
    }),
    policy: 'route rule only',
  },
  'GET /api/people/{id}': { request: async (c) => ({ path: `/api/people/${c.w.people.member.id}` }), policy: 'route rule only' },
  'POST /api/people/{id}/steward': {
    request: async (c) => {
      const future = await newPerson(c.w.anon.baseUrl, { name: 'Future Steward', email: `steward-${uniq()}@example.org` });
      return { path: `/api/people/${future.id}/steward`, body: {} };
    },
    policy: 'route rule only',
  },
  // Sessions (issue #24, decision 0051): one's own are one's own; a steward's end-all acts on a fresh account, not on the matrix's people.
  'GET /api/me/sessions': { request: async () => ({ path: '/api/me/sessions' }), policy: 'route rule only' },
  'DELETE /api/me/sessions/{id}': {
    request: async (c) => {
      const other = await freshSession(c.w, c.role);
      if (c.actorId === null) return { path: '/api/me/sessions/00000000-0000-4000-8000-000000000000' };
      const sessions = await other.get<{ id: string; current: boolean }[]>('/api/me/sessions');
      if (sessions.status !== 200) throw new Error(`sessions of ${c.role}: ${sessions.status} ${JSON.stringify(sessions.body)}`);
      return { path: `/api/me/sessions/${sessions.body.find((s) => s.current)!.id}` };
    },
    policy: 'route rule only',
  },
  // Sent by a fresh account's session: ending "the others" of a matrix role would end the sessions other cells are using.
  'POST /api/me/sessions/end-others': {
    request: async (c) => {
      const client = c.actorId === null ? c.w.anon : (await newPerson(c.w.anon.baseUrl, { email: `others-${uniq()}@example.org` })).client;
      return { path: '/api/me/sessions/end-others', body: {}, client };
    },
    policy: 'route rule only',
  },
  'GET /api/people/{id}/sessions': { request: async (c) => ({ path: `/api/people/${c.w.people.member.id}/sessions` }), policy: 'route rule only' },
  'POST /api/people/{id}/sessions/end-all': {
    request: async (c) => {
      const target = await newPerson(c.w.anon.baseUrl, { email: `ended-${uniq()}@example.org` });
      return { path: `/api/people/${target.id}/sessions/end-all`, body: { reason: 'Reported stolen.' } };
    },
    policy: 'route rule only',
  },
  'GET /api/organisations': { request: async () => ({ path: '/api/organisations' }), policy: 'route rule only' },
  'GET /api/organisations/{id}': { request: async (c) => ({ path: `/api/organisations/${c.w.organisationId}` }), policy: 'route rule only' },
  'POST /api/organisations': {
    request: async () => ({
      path: '/api/organisations',
      body: { name: `Organisation ${uniq()}`, stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'FR' },
    }),
    policy: 'route rule only',
  },
  'POST /api/organisations/{id}/verify': {
    request: async (c) => {
      const org = await c.w.people.member.client.post<{ id: string }>('/api/organisations', {
        name: `Unverified ${uniq()}`,
        stakeholderGroup: 'private-sector',
        subtype: 'company',
      });
      return { path: `/api/organisations/${org.body.id}/verify`, body: {} };
    },
    policy: 'route rule only',
  },
  // ---------- focal points and affiliation confirmation (libs/domain identity/affiliation-confirmation.ts) ----------
  'GET /api/organisations/{id}/roster': { request: async (c) => ({ path: `/api/organisations/${c.w.organisationId}/roster` }), policy: 'route rule only' },
  'GET /api/affiliation-requests': { request: async () => ({ path: '/api/affiliation-requests' }), policy: 'route rule only' },
  'GET /api/me/focal-points': { request: async () => ({ path: '/api/me/focal-points' }), policy: 'route rule only' },
  // A fresh organisation with no focal point: only a steward appoints its first one.
  'POST /api/organisations/{id}/focal-points': {
    request: async (c) => {
      const s = await pendingAffiliation(c);
      return { path: `/api/organisations/${s.organisationId}/focal-points`, body: { personId: s.personId, reason: 'Named in writing' }, subject: s };
    },
    policy: async (p) => {
      const fp = get(p.t, FocalPointRepository);
      const today = isoDay(p.now);
      const verdict = appointmentVerdict({
        actorId: p.actorId,
        actorIsSteward: await isSteward(p),
        actorIsFocalPoint: await fp.isActing(p.manager, p.subject.organisationId, p.actorId, today),
        organisationHasFocalPoints: await fp.hasOpenAppointments(p.manager, p.subject.organisationId),
        organisationName: 'the organisation',
        reason: 'Named in writing',
        appointee: { personId: p.subject.personId, affiliation: { status: 'pending' }, alreadyFocalPoint: false },
      });
      return asVerdict(verdict);
    },
  },
  // A focal point the steward appointed; only a focal point of the organisation or a steward ends it.
  'POST /api/organisations/{id}/focal-points/{focalPointId}/end': {
    request: async (c) => {
      const s = await pendingAffiliation(c);
      const res = await c.w.people.steward.client.post<{ id: string }>(`/api/organisations/${s.organisationId}/focal-points`, { personId: s.personId, reason: 'Named in writing' });
      if (res.status !== 201) throw new Error(`appoint: ${res.status} ${JSON.stringify(res.body)}`);
      return { path: `/api/organisations/${s.organisationId}/focal-points/${res.body.id}/end`, body: { reason: 'Left the organisation' }, subject: { ...s, focalPointId: res.body.id } };
    },
    policy: async (p) =>
      asVerdict(
        endAppointmentVerdict({
          actorId: p.actorId,
          actorIsSteward: await isSteward(p),
          actorIsFocalPoint: await get(p.t, FocalPointRepository).isActing(p.manager, p.subject.organisationId, p.actorId, isoDay(p.now)),
          focalPointId: p.subject.personId,
          organisationName: 'the organisation',
          ended: false,
          reason: 'Left the organisation',
        }),
      ),
  },
  // A pending affiliation to a fresh organisation: no role of the matrix is its focal point, so only a steward (with a reason) decides.
  'POST /api/affiliations/{id}/decision': {
    request: async (c) => {
      const s = await pendingAffiliation(c);
      return { path: `/api/affiliations/${s.affiliationId}/decision`, body: { decision: 'confirm', reason: 'Checked with the ministry' }, subject: s };
    },
    policy: async (p) => {
      const fp = get(p.t, FocalPointRepository);
      const today = isoDay(p.now);
      return asVerdict(
        confirmationVerdict({
          actorId: p.actorId,
          actorIsSteward: await isSteward(p),
          actorIsFocalPoint: await fp.isActing(p.manager, p.subject.organisationId, p.actorId, today),
          affiliation: { personId: p.subject.personId, status: 'pending', ended: false, organisationName: 'the organisation' },
          holderIsFocalPoint: false,
          decision: 'confirm',
          reason: 'Checked with the ministry',
        }),
      );
    },
  },
  'GET /api/organisations/{id}/chair-terms': {
    request: async (c) => ({ path: `/api/organisations/${c.w.organisationId}/chair-terms` }),
    policy: 'route rule only',
  },
  'GET /api/people/{id}/chair-terms': { request: async (c) => ({ path: `/api/people/${c.w.people.chair.id}/chair-terms` }), policy: 'route rule only' },
  'GET /api/chair-terms': { request: async () => ({ path: '/api/chair-terms' }), policy: 'route rule only' },
  'GET /api/chair-terms.csv': { request: async () => ({ path: '/api/chair-terms.csv' }), policy: 'route rule only' },
  'GET /api/audit': { request: async () => ({ path: '/api/audit?scope=platform' }), policy: 'route rule only' },
  'GET /api/audit/head': { request: async () => ({ path: '/api/audit/head' }), policy: 'route rule only' },
  'GET /api/audit/events/{scope}/{sequence}': { request: async () => ({ path: '/api/audit/events/platform/1' }), policy: 'route rule only' },
  'GET /api/audit/export.jsonl': { request: async () => ({ path: '/api/audit/export.jsonl?scope=platform' }), policy: 'route rule only' },

  // ---------- the front door (home/home.service.ts): public; its personal part is read under each context's own policies ----------
  'GET /api/home': { request: async () => ({ path: '/api/home' }), policy: 'route rule only' },
  // ---------- search (search/search.policy.ts): public; members-only texts are filtered in its SQL, not refused ----------
  'GET /api/search': { request: async () => ({ path: '/api/search?q=core' }), policy: 'route rule only' },
  // ---------- the agreed-language library (agreed-language/, decision 0054): public; members-only adopted texts filtered in its SQL, as the search's ----------
  'GET /api/agreed-language': { request: async () => ({ path: '/api/agreed-language?q=core' }), policy: 'route rule only' },

  // ---------- working groups (working-groups/working-group.policy.ts) ----------
  'GET /api/working-groups': { request: async () => ({ path: '/api/working-groups' }), policy: 'route rule only' },
  'POST /api/working-groups': {
    request: async () => ({ path: '/api/working-groups', body: { name: `Working group ${uniq()}`, mandate: 'Draft guidance on the principles.' } }),
    policy: async (p) => groupPolicy.canCreateGroup(await get(p.t, PeopleService).snapshotOf(p.manager, p.actorId, p.now)),
  },
  'GET /api/working-groups/{id}': { request: (c) => groupReq(c, ''), policy: 'route rule only' },
  'GET /api/working-groups/{id}/members': { request: (c) => groupReq(c, '/members'), policy: 'route rule only' },
  'POST /api/working-groups/{id}/join-requests': {
    request: (c) => groupReq(c, '/join-requests', { kind: 'observer', statement: 'I would like to follow the drafting.' }),
    policy: inGroup(async (p, groupId) => {
      const pending = await get(p.t, WorkingGroupRepository).pendingRequestOf(p.manager, groupId, p.actorId);
      return groupPolicy.canRequestToJoin(await groupStanding(p, groupId), pending !== null);
    }),
  },
  'GET /api/working-groups/{id}/join-requests': {
    request: (c) => groupReq(c, '/join-requests'),
    policy: inGroup(async (p, groupId) => groupPolicy.canDecideJoinRequests(await groupStanding(p, groupId))),
  },
  'POST /api/working-groups/{id}/join-requests/{requestId}/decision': {
    request: async (c) => {
      const { groupId, requestId } = await pendingRequest(c);
      return {
        path: `/api/working-groups/${groupId}/join-requests/${requestId}/decision`,
        body: { decision: 'refuse', reason: 'The group is full for now.' },
        subject: { groupId },
      };
    },
    policy: inGroup(async (p, groupId) => groupPolicy.canDecideJoinRequests(await groupStanding(p, groupId))),
  },
  'POST /api/working-groups/{id}/join-requests/{requestId}/withdrawal': {
    request: async (c) => {
      const { groupId, requestId } = await pendingRequest(c);
      return { path: `/api/working-groups/${groupId}/join-requests/${requestId}/withdrawal`, body: {}, subject: { groupId, requestId } };
    },
    policy: async (p) => groupPolicy.canWithdrawJoinRequest(p.actorId, (await get(p.t, WorkingGroupRepository).findJoinRequest(p.subject.requestId, p.manager))!.personId),
  },
  // ---------- accreditation by non-objection and the rules of procedure (procedures/accreditation/accreditation.policy.ts) ----------
  'GET /api/working-groups/{id}/circulations': { request: (c) => groupReq(c, '/circulations'), policy: 'route rule only' },
  'POST /api/working-groups/{id}/join-requests/{requestId}/objections': {
    request: async (c) => {
      const { groupId, requestId } = await circulatedRequest(c);
      return { path: `/api/working-groups/${groupId}/join-requests/${requestId}/objections`, body: { reason: 'Their funding is not declared.' }, subject: { groupId, requestId } };
    },
    policy: inGroup(async (p, groupId) => {
      const request = (await get(p.t, WorkingGroupRepository).findJoinRequest(p.subject.requestId, p.manager))!;
      const circulation = (await circulationOf(p.manager, p.subject.requestId))!;
      const own = (await objectionsOf(p.manager, [p.subject.requestId])).some((o) => o.personId === p.actorId && o.withdrawnAt === null);
      return accreditationPolicy.canObject(await groupStanding(p, groupId), { personId: request.personId, status: request.status, endsAt: circulation.endsAt }, p.actorId, own, p.now);
    }),
  },
  'POST /api/working-groups/{id}/join-requests/{requestId}/objections/{objectionId}/withdrawal': {
    request: async (c) => {
      const { groupId, requestId } = await circulatedRequest(c);
      const raised = await c.w.extra.client.post<{ ownObjectionId: string }>(`/api/working-groups/${groupId}/join-requests/${requestId}/objections`, { reason: 'We have not met them.' });
      if (raised.status !== 201) throw new Error(`object: ${raised.status} ${JSON.stringify(raised.body)}`);
      const objectionId = raised.body.ownObjectionId;
      return { path: `/api/working-groups/${groupId}/join-requests/${requestId}/objections/${objectionId}/withdrawal`, body: {}, subject: { groupId, requestId, objectionId } };
    },
    policy: async (p) => accreditationPolicy.canWithdrawObjection(p.actorId, (await lockObjection(p.manager, p.subject.objectionId))!),
  },
  // ---------- language versions (drafting/drafting.policy.ts canTranslate, canSetLanguages; decision 0045) ----------
  // Two-factor authentication (decision 0050): each cell enrols a person of its own (the matrix's people
  // must keep signing in with a password alone), acting with that person's session; anonymous stays anonymous.
  'GET /api/me/two-factor': { request: async () => ({ path: '/api/me/two-factor' }), policy: 'route rule only' },
  'POST /api/me/two-factor/start': { request: async (c) => ({ path: '/api/me/two-factor/start', body: {}, client: (await ownPerson(c))?.client }), policy: 'route rule only' },
  'POST /api/me/two-factor/confirm': {
    request: async (c) => {
      const p = await ownPerson(c);
      if (!p) return { path: '/api/me/two-factor/confirm', body: { code: '123456' } };
      const start = await p.client.post<{ secret: string }>('/api/me/two-factor/start');
      return { path: '/api/me/two-factor/confirm', body: { code: await totp(start.body.secret) }, client: p.client };
    },
    policy: 'route rule only',
  },
  'POST /api/me/two-factor/recovery-codes': {
    request: async (c) => {
      const p = await ownPerson(c);
      if (!p) return { path: '/api/me/two-factor/recovery-codes', body: { code: '123456' } };
      const { secret } = await enrol(p, -1);
      return { path: '/api/me/two-factor/recovery-codes', body: { code: await totp(secret) }, client: p.client };
    },
    policy: 'route rule only',
  },
  'POST /api/me/two-factor/disable': {
    request: async (c) => {
      const p = await ownPerson(c);
      if (!p) return { path: '/api/me/two-factor/disable', body: { recoveryCode: 'abcde-12345' } };
      const { recoveryCodes } = await enrol(p);
      return { path: '/api/me/two-factor/disable', body: { recoveryCode: recoveryCodes[0] }, client: p.client };
    },
    policy: 'route rule only',
  },
  // Public: whoever holds the challenge answers it (here from the role's client, with the challenge's token in the body).
  'POST /api/auth/second-factor': {
    request: async (c) => {
      const p = await newPerson(c.w.anon.baseUrl);
      const { secret } = await enrol(p, -1);
      const { challenge } = await firstFactor(c.w.anon.baseUrl, p.email);
      return { path: '/api/auth/second-factor', body: { code: await totp(secret), challengeToken: challenge.challengeToken } };
    },
    policy: 'route rule only',
  },
  'POST /api/people/{id}/two-factor/reset': {
    request: async (c) => {
      const p = await newPerson(c.w.anon.baseUrl);
      await enrol(p);
      return { path: `/api/people/${p.id}/two-factor/reset`, body: { reason: 'Lost their phone; identity checked.' } };
    },
    policy: 'route rule only',
  },
  'PUT /api/working-groups/{id}/chairs-two-factor': {
    request: (c) => groupReq(c, '/chairs-two-factor', { required: true }),
    policy: inGroup(async (p, groupId) => {
      const [{ isSteward }] = await p.manager.query(`SELECT is_steward AS "isSteward" FROM people WHERE id = $1`, [p.actorId]);
      return groupPolicy.canSetChairsTwoFactor(await groupStanding(p, groupId), stewardRole({ isSteward } as Actor));
    }),
  },
  'PUT /api/working-groups/{id}/authentic-languages': {
    request: (c) => groupReq(c, '/authentic-languages', { languages: ['fr', 'ar'] }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canSetLanguages(await draftingStanding(p, groupId))),
  },
  'GET /api/documents/{id}/versions/{n}/language-versions': { request: (c) => docReq(c, '/versions/1/language-versions?languages=fr,ar'), policy: 'route rule only' },
  'POST /api/documents/{id}/versions/{n}/translations': {
    request: (c) => docReq(c, '/versions/1/translations', (doc) => ({ clauseId: operativeClause(doc), language: 'ar', text: 'تتعاون الدول.' })),
    policy: inGroup(async (p, groupId) => draftingPolicy.canTranslate(await draftingStanding(p, groupId))),
  },
  // Spanish: a language nobody translates the matrix's documents into, so the chair may make it the original.
  'PUT /api/documents/{id}/original-language': {
    request: (c) => docReq(c, '/original-language', () => ({ language: 'es' })),
    policy: inGroup(async (p, groupId) => draftingPolicy.canSetLanguages(await draftingStanding(p, groupId))),
  },
  'PATCH /api/working-groups/{id}/procedure-rules': {
    request: (c) => groupReq(c, '/procedure-rules', { procedureRules: { circulationDays: 2 } }),
    policy: inGroup(async (p, groupId) => accreditationPolicy.canChangeRules(await groupStanding(p, groupId))),
  },
  'POST /api/working-groups/{id}/leave': {
    request: (c) => groupReq(c, '/leave', { reason: 'Moving to another post.' }),
    policy: inGroup(async (p, groupId) => groupPolicy.canLeave(await groupStanding(p, groupId))),
  },
  'POST /api/working-groups/{id}/members/{personId}/removal': {
    request: async (c) => withTarget(await groupReq(c, `/members/${c.w.extra.id}/removal`, { reason: 'Repeatedly disrupted meetings.' }), c.w.extra.id),
    policy: inGroup(async (p, groupId) =>
      groupPolicy.canRemoveMember(await groupStanding(p, groupId), p.actorId, await targetMember(p, groupId, p.subject.targetId)),
    ),
  },
  'POST /api/working-groups/{id}/members/{personId}/role': {
    request: async (c) => withTarget(await groupReq(c, `/members/${c.w.extra.id}/role`, { rapporteur: true }), c.w.extra.id),
    policy: inGroup(async (p, groupId) =>
      groupPolicy.canChangeRole(await groupStanding(p, groupId), p.actorId, await targetMember(p, groupId, p.subject.targetId), { rapporteur: true }),
    ),
  },
  'GET /api/working-groups/{id}/chair-nominations': { request: (c) => groupReq(c, '/chair-nominations'), policy: 'route rule only' },
  'POST /api/working-groups/{id}/chair-nominations': {
    request: (c) => groupReq(c, '/chair-nominations', { nomineeId: c.w.extra.id, statement: 'An experienced drafter.' }),
    policy: inGroup(async (p, groupId) => groupPolicy.canNominateChair(await groupStanding(p, groupId))),
  },
  'GET /api/chair-nominations/{id}': {
    request: async (c) => ({ path: `/api/chair-nominations/${(await nominationOfMember(c)).nominationId}` }),
    policy: 'route rule only',
  },
  'POST /api/chair-nominations/{id}/acceptance': {
    request: async (c) => {
      const n = await nominationOfMember(c);
      return { path: `/api/chair-nominations/${n.nominationId}/acceptance`, body: {}, subject: { groupId: n.groupId, nominationId: n.nominationId } };
    },
    policy: inGroup(async (p, groupId) => {
      const nomination = (await get(p.t, ChairTermRepository).findNomination(p.subject.nominationId, p.manager))!;
      return groupPolicy.canAnswerNomination(await groupStanding(p, groupId), p.actorId, nomination.nomineeId);
    }),
  },
  'POST /api/chair-nominations/{id}/declination': {
    request: async (c) => {
      const n = await nominationOfMember(c);
      return { path: `/api/chair-nominations/${n.nominationId}/declination`, body: {}, subject: { groupId: n.groupId, nominationId: n.nominationId } };
    },
    policy: async (p) =>
      groupPolicy.canDeclineNomination(p.actorId, (await get(p.t, ChairTermRepository).findNomination(p.subject.nominationId, p.manager))!.nomineeId),
  },
  'POST /api/chair-nominations/{id}/withdrawal': {
    request: async (c) => {
      const n = await nominationOfMember(c);
      return { path: `/api/chair-nominations/${n.nominationId}/withdrawal`, body: {}, subject: { groupId: n.groupId, nominationId: n.nominationId } };
    },
    policy: async (p) => groupPolicy.canWithdrawNomination(p.actorId, (await get(p.t, ChairTermRepository).findNomination(p.subject.nominationId, p.manager))!),
  },
  'POST /api/chair-terms/{id}/resignation': {
    request: async (c) => {
      const term = await chairTermOfChair(c);
      return { path: `/api/chair-terms/${term.termId}/resignation`, body: {}, subject: { groupId: term.groupId, termId: term.termId } };
    },
    policy: async (p) => groupPolicy.canResign(p.actorId, (await get(p.t, ChairTermRepository).findTerm(p.subject.termId, p.manager))!.personId),
  },
  'POST /api/chair-terms/{id}/removal-motions': {
    request: async (c) => {
      const term = await chairTermOfChair(c);
      return {
        path: `/api/chair-terms/${term.termId}/removal-motions`,
        body: { reason: 'Never confirmed by the members.' },
        subject: { groupId: term.groupId, termId: term.termId },
      };
    },
    policy: inGroup(async (p, groupId) => groupPolicy.canProposeChairRemoval(await groupStanding(p, groupId))),
  },

  // ---------- ballots (decisions/ballot.policy.ts) ----------
  'POST /api/ballots': {
    request: async (c) => {
      const g = await c.group();
      return {
        path: '/api/ballots',
        body: { workingGroupId: g.id, subjectType: 'motion', title: 'That the group meets in Nairobi', closesAt: inADay() },
        subject: { groupId: g.id },
      };
    },
    policy: inGroup(async (p, groupId) => ballotPolicy.canOpenBallot(await openerStanding(p, groupId))),
  },
  'GET /api/ballots/{id}': { request: (c) => ballotReq(c, ''), policy: 'route rule only' },
  'GET /api/ballots/{id}/roll-call': { request: (c) => ballotReq(c, '/roll-call'), policy: 'route rule only' },
  'GET /api/ballots/{id}/votes.csv': { request: (c) => ballotReq(c, '/votes.csv'), policy: 'route rule only' },
  'GET /api/working-groups/{id}/ballots': { request: (c) => groupReq(c, '/ballots'), policy: 'route rule only' },
  'POST /api/ballots/{id}/votes': {
    request: (c) => ballotReq(c, '/votes', { choice: 'yes' }),
    policy: async (p) => {
      const ballot = (await get(p.t, BallotRepository).findById(p.subject.ballotId, p.manager))!;
      const elector = await get(p.t, BallotRepository).elector(p.manager, ballot.id, p.actorId);
      const currentSnapshot = await get(p.t, PeopleService).snapshotOf(p.manager, p.actorId, p.now);
      return refusalVerdict(ballotPolicy.canVote({ inElectorate: elector !== null, currentSnapshot }, ballot, p.now));
    },
  },
  // ---------- proxies (procedures/proxies/proxies.policy.ts, decision record 0040) ----------
  'GET /api/working-groups/{id}/proxies': { request: (c) => groupReq(c, '/proxies'), policy: 'route rule only' },
  'POST /api/working-groups/{id}/proxies': {
    request: async (c) => {
      const r = await groupReq(c, '/proxies', { holderId: c.w.extra.id, scope: 'period', from: isoDay(new Date()), to: isoDay(new Date()) });
      return { ...r, subject: { ...r.subject, holderId: c.w.extra.id } };
    },
    policy: inGroup(async (p, groupId) => refusalVerdict(await get(p.t, ProxiesService).giveVerdict(p.manager, groupId, p.actorId, p.subject.holderId, p.now))),
  },
  'POST /api/proxies/{id}/revoke': {
    request: async (c) => {
      const g = await c.group();
      const [row] = await c.w.t.dataSource.query(
        `INSERT INTO proxies (working_group_id, grantor_id, grantor_name, grantor_snapshot, holder_id, holder_name, holder_snapshot, scope, from_day, to_day, given_at)
         VALUES ($1, $2, 'Extra', '{}', $3, 'Steward', '{}', 'period', current_date, current_date, now()) RETURNING id`,
        [g.id, c.w.extra.id, c.w.people.steward.id],
      );
      return { path: `/api/proxies/${row.id}/revoke`, subject: { groupId: g.id, proxyId: row.id } };
    },
    policy: async (p) => {
      const [row] = await p.manager.query(`SELECT grantor_id AS "grantorId", end_reason AS "endReason" FROM proxies WHERE id = $1`, [p.subject.proxyId]);
      return proxiesPolicy.canRevokeProxy(p.actorId, row);
    },
  },
  'POST /api/ballots/{id}/close': {
    request: (c) => ballotReq(c, '/close', { reason: 'The group agreed to close early.' }),
    policy: inGroup(async (p, groupId) => {
      const ballot = (await get(p.t, BallotRepository).findById(p.subject.ballotId, p.manager))!;
      return refusalVerdict(ballotPolicy.canClose(await get(p.t, WorkingGroupAccess).standing(p.manager, groupId, p.actorId, p.now), ballot));
    }),
  },

  // ---------- drafting (drafting/drafting.policy.ts) ----------
  'GET /api/working-groups/{id}/documents': { request: (c) => groupReq(c, '/documents'), policy: 'route rule only' },
  'POST /api/working-groups/{id}/documents': {
    request: (c) =>
      groupReq(c, '/documents', { title: 'Implementation guidance', pastedText: 'Recognising the principles,\n\nCalls on all stakeholders to cooperate.' }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canCreateDocument(await draftingStanding(p, groupId))),
  },
  'GET /api/documents/{id}': { request: (c) => docReq(c, ''), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}': { request: (c) => docReq(c, '/versions/1'), policy: 'route rule only' },
  'GET /api/documents/{id}/compare': { request: (c) => docReq(c, '/compare?from=1&to=1'), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}/provenance': { request: (c) => docReq(c, '/versions/1/provenance'), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}/dispositions': { request: (c) => docReq(c, '/versions/1/dispositions'), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}/dispositions.csv': { request: (c) => docReq(c, '/versions/1/dispositions.csv'), policy: 'route rule only' },
  'GET /api/documents/{id}/comments': { request: async (c) => docReq(c, `/comments?clauseId=${operativeClause(await c.doc())}`), policy: 'route rule only' },
  'GET /api/documents/{id}/amendments': { request: (c) => docReq(c, '/amendments'), policy: 'route rule only' },
  // A fresh document has no accepted amendment to apply: the chair's consolidation is a 409 after the policy let it through.
  'POST /api/documents/{id}/versions': {
    request: (c) => docReq(c, '/versions', () => ({ note: 'Applies the accepted amendments.' })),
    allowedConflict: () => true,
    policy: inGroup(async (p, groupId) => draftingPolicy.canConsolidate(await draftingStanding(p, groupId))),
  },
  // A chair's text of the document's own clauses (kept by id, the first reworded).
  'POST /api/documents/{id}/chairs-texts': {
    request: (c) =>
      docReq(c, '/chairs-texts', (doc) => ({
        label: 'Rev.1',
        standing: 'draft',
        office: 'chair',
        clauses: doc.version.clauses.map((k, i) => ({ id: k.id, kind: k.kind, text: i === 0 ? `${k.text} (chair)` : k.text })),
      })),
    policy: inGroup(async (p, groupId) => chairsTextsPolicy.canIssueChairsText(await draftingStanding(p, groupId))),
  },
  'GET /api/documents/{id}/chairs-texts/suggestion': { request: (c) => docReq(c, '/chairs-texts/suggestion'), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}/adoption-preflight': { request: (c) => docReq(c, '/versions/1/adoption-preflight'), policy: 'route rule only' },
  // A fresh document has no accepted amendment: the preview is a 409 for everyone.
  'GET /api/documents/{id}/consolidation-preview': { request: (c) => docReq(c, '/consolidation-preview'), policy: 'route rule only', allowedConflict: () => true },
  'POST /api/documents/{id}/versions/{n}/adoption-ballot': {
    request: (c) => docReq(c, '/versions/1/adoption-ballot', () => ({ confirmUnanswered: true })),
    policy: inGroup(async (p, groupId) => draftingPolicy.canOpenBallot(await draftingStanding(p, groupId))),
  },
  'POST /api/documents/{id}/comments': {
    request: (c) => docReq(c, '/comments', (doc) => ({ clauseId: operativeClause(doc), kind: 'technical', body: 'Define "public core".' })),
    policy: inGroup(async (p, groupId) => draftingPolicy.canComment(await draftingStanding(p, groupId))),
  },
  'POST /api/documents/{id}/amendments': {
    request: (c) =>
      docReq(c, '/amendments', (doc) => ({
        kind: 'delete',
        baseVersion: doc.version.number,
        targetClauseId: operativeClause(doc),
        rationale: 'Redundant with principle 1.',
      })),
    policy: inGroup(async (p, groupId) => draftingPolicy.canAmend(await draftingStanding(p, groupId))),
  },
  'POST /api/comments/{id}/replies': {
    request: (c) => commentReq(c, '/replies', { body: 'The DNS root and routing.' }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canComment(await draftingStanding(p, groupId))),
  },
  // A participant's translation of a comment (decision 0047): members and observers of the group.
  'POST /api/comments/{id}/translations': {
    request: (c) => commentReq(c, '/translations', { language: 'fr', text: 'Définir « noyau public ».' }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canAddParticipantTranslation(await draftingStanding(p, groupId))),
  },
  'POST /api/comments/{id}/disposition': {
    request: (c) => commentReq(c, '/disposition', { disposition: 'accepted', reason: 'Clarified in the next version.' }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canDispose(await draftingStanding(p, groupId))),
  },
  // ---------- brackets (negotiation/brackets/brackets.policy.ts) ----------
  'GET /api/documents/{id}/brackets': { request: (c) => docReq(c, '/brackets'), policy: 'route rule only' },
  'GET /api/brackets/{id}': { request: (c) => bracketReq(c, ''), policy: 'route rule only' },
  'POST /api/documents/{id}/brackets': {
    request: (c) => docReq(c, '/brackets', (doc) => ({ ...publicCore(doc), reason: 'Not agreed by our capital.' })),
    policy: inGroup(async (p, groupId) => bracketsPolicy.canOpenBracket(await draftingStanding(p, groupId))),
  },
  'POST /api/brackets/{id}/options': {
    request: (c) => bracketReq(c, '/options', { text: 'the public core', rationale: 'Closer to the Call.' }),
    policy: inGroup(async (p, groupId) => bracketsPolicy.canProposeOption(await draftingStanding(p, groupId))),
  },
  'POST /api/brackets/{id}/removal': {
    request: (c) => bracketReq(c, '/removal', { resolution: 'text-agreed', reason: 'Agreed as it reads.' }),
    policy: inGroup(async (p, groupId) => bracketsPolicy.canRemoveBracket(await draftingStanding(p, groupId))),
  },
  // ---------- endorsements (endorsements/endorsement.policy.ts): on behalf of the member's organisation ----------
  'GET /api/documents/{id}/versions/{n}/signatories': {
    request: async (c) => ({ path: `/api/documents/${(await adoptedDocument(c.w)).documentId}/versions/1/signatories` }),
    policy: 'route rule only',
  },
  'GET /api/documents/{id}/versions/{n}/adopted.md': {
    request: async (c) => ({ path: `/api/documents/${(await adoptedDocument(c.w)).documentId}/versions/1/adopted.md` }),
    policy: 'route rule only',
  },
  'POST /api/documents/{id}/versions/{n}/endorsements': {
    request: async (c) => {
      const { documentId } = await adoptedDocument(c.w);
      return {
        path: `/api/documents/${documentId}/versions/1/endorsements`,
        body: { organisationId: memberOrganisationId(c.w) },
        subject: { documentId, organisationId: memberOrganisationId(c.w) },
      };
    },
    serial: true,
    policy: async (p) => {
      const version = await get(p.t, DocumentReads).version(null, p.subject.documentId, 1);
      const organisation = (await p.manager.query(`SELECT name FROM organisations WHERE id = $1`, [p.subject.organisationId]))[0];
      const [existing] = await p.manager.query(
        `SELECT 1 FROM endorsements WHERE document_id = $1 AND version_number = 1 AND organisation_id = $2 AND withdrawn_at IS NULL`,
        [p.subject.documentId, p.subject.organisationId],
      );
      return refusalVerdict(
        endorsementPolicy.canEndorse({
          version: 1,
          adopted: version.adoptedAt !== null,
          organisationName: organisation.name,
          affiliation: await affiliationTo(p, p.subject.organisationId),
          existing: existing ? { endorserName: '', endorsedAt: new Date() } : null,
        }),
      );
    },
  },
  'POST /api/documents/{id}/versions/{n}/endorsements/{endorsementId}/withdraw': {
    request: async (c) => {
      const { documentId, endorsementId } = await activeMemberEndorsement(c.w);
      return {
        path: `/api/documents/${documentId}/versions/1/endorsements/${endorsementId}/withdraw`,
        body: { reason: 'Mandate withdrawn.' },
        subject: { organisationId: memberOrganisationId(c.w) },
      };
    },
    serial: true,
    policy: async (p) =>
      refusalVerdict(
        endorsementPolicy.canWithdrawEndorsement({ organisationName: '', affiliation: await affiliationTo(p, p.subject.organisationId), withdrawnAt: null }),
      ),
  },

  'GET /api/amendments/{id}': { request: (c) => amendmentReq(c, '', 'extra'), policy: 'route rule only' },
  // A participant's translation of an amendment's rationale (decision 0047): members and observers of the group.
  'POST /api/amendments/{id}/rationale-translations': {
    request: (c) => amendmentReq(c, '/rationale-translations', 'extra', { language: 'zh', text: '与原则一重复。' }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canAddParticipantTranslation(await draftingStanding(p, groupId))),
  },
  'POST /api/amendments/{id}/cosponsors': {
    request: (c) => amendmentReq(c, '/cosponsors', 'extra', {}),
    policy: inGroup(async (p, groupId) => {
      const amendment = (await get(p.t, AmendmentRepository).findRow(p.subject.amendmentId, p.manager))!;
      return draftingPolicy.canCosponsor(await draftingStanding(p, groupId), amendment, p.actorId);
    }),
  },
  // Authored by `extra` and co-sponsored by `member`, so exactly one role may withdraw that co-sponsorship.
  'POST /api/amendments/{id}/cosponsors/withdraw': {
    request: async (c) => {
      const r = await amendmentReq(c, '/cosponsors/withdraw', 'extra', {});
      const id = r.subject!.amendmentId;
      await once(`cosponsored:${id}`, async () => {
        const res = await c.w.people.member.client.post(`/api/amendments/${id}/cosponsors`, {});
        if (res.status !== 201) throw new Error(`co-sponsor: ${res.status} ${JSON.stringify(res.body)}`);
        return id;
      });
      return r;
    },
    policy: async (p) => {
      const amendments = get(p.t, AmendmentRepository);
      const amendment = (await amendments.findRow(p.subject.amendmentId, p.manager))!;
      return draftingPolicy.canWithdrawCosponsorship(amendment, await amendments.isCosponsor(p.manager, amendment.id, p.actorId));
    },
  },
  // Authored by `member`, so exactly one role may withdraw it.
  'POST /api/amendments/{id}/withdraw': {
    request: (c) => amendmentReq(c, '/withdraw', 'member', {}),
    policy: async (p) => draftingPolicy.canWithdraw((await get(p.t, AmendmentRepository).findRow(p.subject.amendmentId, p.manager))!, p.actorId),
  },
  'POST /api/amendments/{id}/ballot': {
    request: (c) => amendmentReq(c, '/ballot', 'extra', {}),
    policy: inGroup(async (p, groupId) => draftingPolicy.canOpenBallot(await draftingStanding(p, groupId))),
  },
  // Streamlining and recommendations (decision 0034): each cell merges two fresh proposals of its own.
  'POST /api/documents/{id}/streamlined-proposals': {
    request: async (c) => {
      const doc = await c.doc();
      const sources = [await newAmendment(c.w, doc, c.w.people.member), await newAmendment(c.w, doc, c.w.extra)];
      return docReq(c, '/streamlined-proposals', () => ({ sourceAmendmentIds: sources, text: 'Merged wording of the operative clause.', rationale: 'Both say the same.' }));
    },
    serial: true,
    policy: inGroup(async (p, groupId) => streamliningPolicy.canStreamline(await draftingStanding(p, groupId))),
  },
  'POST /api/brackets/{id}/streamlined-options': {
    request: async (c) => {
      const g = await c.group();
      const doc = await c.doc();
      const clause = doc.version.clauses.find((x) => x.kind === 'operative')!;
      const passage = clause.text.slice(0, 8);
      const opened = await c.w.people.member.client.post<{ id: string; options: { id: string }[] }>(`/api/documents/${doc.id}/brackets`, {
        version: doc.version.number,
        clauseId: clause.id,
        start: 0,
        end: passage.length,
        passage,
        reason: 'Not agreed.',
        options: [{ text: 'first wording' }, { text: 'second wording' }],
      });
      if (opened.status !== 201) throw new Error(`open bracket: ${opened.status} ${JSON.stringify(opened.body)}`);
      return {
        path: `/api/brackets/${opened.body.id}/streamlined-options`,
        body: { sourceOptionIds: opened.body.options.map((o) => o.id), text: 'merged wording', rationale: 'One wording.' },
        subject: { groupId: g.id, documentId: doc.id },
      };
    },
    serial: true,
    // Brackets may not overlap: a cell's bracket after another's on the same passage is refused (a state, not a right).
    allowedConflict: () => true,
    policy: inGroup(async (p, groupId) => streamliningPolicy.canStreamline(await draftingStanding(p, groupId))),
  },
  'POST /api/amendments/{id}/recommendation': {
    request: (c) => amendmentReq(c, '/recommendation', 'member', { recommendation: 'accept', reason: 'Clearer.' }),
    // The shared amendment may be withdrawn or under ballot by another cell's act: a state, not a right.
    allowedConflict: () => true,
    policy: inGroup(async (p, groupId) => streamliningPolicy.canRecommend(await draftingStanding(p, groupId))),
  },
  'POST /api/documents/{id}/recommendations-ballot': {
    request: (c) => docReq(c, '/recommendations-ballot', () => ({ amendmentIds: ['00000000-0000-4000-8000-000000000000'] })),
    // Allowed, the chair still meets a 409: the amendment named is not of this document.
    allowedConflict: () => true,
    policy: inGroup(async (p, groupId) => streamliningPolicy.canOpenRecommendationsBallot(await draftingStanding(p, groupId))),
  },
  // ---------- clause status and ad ref (negotiation/clause-status/clause-status.policy.ts) ----------
  'GET /api/documents/{id}/clauses/{clauseId}/status': { request: (c) => clauseReq(c, '/status'), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}/compilation': { request: (c) => docReq(c, '/versions/1/compilation'), policy: 'route rule only' },
  'POST /api/documents/{id}/clauses/{clauseId}/status': {
    request: (c) => clauseReq(c, '/status', { status: 'agreed', note: 'Agreed at the first reading.' }),
    policy: inGroup(async (p, groupId) => clauseStatusPolicy.canSetClauseStatus(await draftingStanding(p, groupId))),
  },
  'POST /api/documents/{id}/clauses/{clauseId}/ad-ref': {
    request: (c) => clauseReq(c, '/ad-ref', { expiresOn: inAWeek() }),
    policy: inGroup(async (p, groupId) => clauseStatusPolicy.canAgreeAdRef(await draftingStanding(p, groupId))),
  },
  // Agreed by `member`'s delegation, so only a delegate of that organisation may lift or withdraw it.
  'POST /api/documents/{id}/clauses/{clauseId}/ad-ref/{adRefId}/lift': { request: (c) => adRefReq(c, 'lift'), policy: adRefPolicy('lifted') },
  'POST /api/documents/{id}/clauses/{clauseId}/ad-ref/{adRefId}/withdraw': { request: (c) => adRefReq(c, 'withdraw'), policy: adRefPolicy('withdrawn') },
  // ---------- explanations of position (procedures/explanations/explanations.policy.ts): on the adopted text, within its days ----------
  'GET /api/documents/{id}/versions/{n}/explanations': {
    request: async (c) => ({ path: `/api/documents/${(await adoptedDocument(c.w)).documentId}/versions/1/explanations` }),
    policy: 'route rule only',
  },
  'POST /api/documents/{id}/versions/{n}/explanations': {
    request: async (c) => {
      const { groupId, documentId } = await adoptedDocument(c.w);
      return { path: `/api/documents/${documentId}/versions/1/explanations`, body: { kind: 'position', text: 'Our delegation joins consensus.' }, subject: { groupId, documentId } };
    },
    policy: inGroup(async (p, groupId) => explanationsPolicy.canPlaceExplanation(await draftingStanding(p, groupId))),
  },
  // ---------- silence procedure (procedures/silence/silence.policy.ts, decision 0036) ----------
  'GET /api/documents/{id}/versions/{n}/silence-preflight': { request: (c) => docReq(c, '/versions/1/silence-preflight'), policy: 'route rule only' },
  'GET /api/documents/{id}/silence': { request: (c) => docReq(c, '/silence'), policy: 'route rule only' },
  'GET /api/working-groups/{id}/silence': { request: (c) => groupReq(c, '/silence'), policy: 'route rule only' },
  'GET /api/silence/{id}': { request: (c) => silenceReq(c, ''), policy: 'route rule only' },
  'POST /api/documents/{id}/versions/{n}/silence': {
    request: (c) => docReq(c, '/versions/1/silence', () => ({ deadline: new Date(Date.now() + 80 * 3_600_000).toISOString() })),
    policy: inGroup(async (p, groupId) => silencePolicy.canStartSilence(await draftingStanding(p, groupId))),
  },
  'POST /api/silence/{id}/objections': {
    request: (c) => silenceReq(c, '/objections', { reason: 'Paragraph 1 needs another reading.' }),
    policy: inGroup(async (p, groupId) => silencePolicy.canObjectToSilence(await draftingStanding(p, groupId))),
  },
  'POST /api/silence/{id}/withdraw': {
    request: (c) => silenceReq(c, '/withdraw', { reason: 'More time to consult.' }),
    policy: inGroup(async (p, groupId) => silencePolicy.canWithdrawSilence(await draftingStanding(p, groupId))),
  },
  // ---------- division, order of voting, last call (procedures/{division,voting-order,last-call}, decision 0038) ----------
  'GET /api/documents/{id}/divisions': { request: (c) => docReq(c, '/divisions'), policy: 'route rule only' },
  'POST /api/documents/{id}/divisions': {
    request: (c) => docReq(c, '/divisions', (doc) => ({ clauseIds: [operativeClause(doc)], reason: 'A separate vote, please.' })),
    policy: inGroup(async (p, groupId) => divisionPolicy.canRequestDivision(await draftingStanding(p, groupId))),
  },
  'POST /api/divisions/{divisionId}/ballot': { request: (c) => divisionReq(c, '/ballot', { closesAt: inADay() }), policy: inGroup(async (p, groupId) => divisionPolicy.canDecideDivision(await draftingStanding(p, groupId))) },
  'POST /api/divisions/{divisionId}/decline': { request: (c) => divisionReq(c, '/decline', { reason: 'Not now.' }), policy: inGroup(async (p, groupId) => divisionPolicy.canDecideDivision(await draftingStanding(p, groupId))) },
  'GET /api/documents/{id}/clauses/{clauseId}/voting-order': { request: (c) => clauseReq(c, '/voting-order'), policy: 'route rule only' },
  'POST /api/documents/{id}/clauses/{clauseId}/voting-order': {
    request: (c) => clauseReq(c, '/voting-order', { amendmentIds: ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001'], reason: 'Furthest first.' }),
    // Allowed, the chair still meets a 409: the amendments named do not compete for the clause.
    allowedConflict: () => true,
    policy: inGroup(async (p, groupId) => draftingPolicy.canOpenBallot(await draftingStanding(p, groupId))),
  },
  'GET /api/amendments/{id}/voting-place': { request: (c) => amendmentReq(c, '/voting-place', 'member'), policy: 'route rule only' },
  // #20 mail
  'PUT /api/me/language': { request: async () => ({ path: '/api/me/language', body: { language: 'en' } }), policy: 'route rule only' },
  'POST /api/me/email-verification': { request: async () => ({ path: '/api/me/email-verification', body: {} }), policy: 'route rule only' },
  'POST /api/email-verification/confirm': {
    request: async (c) => {
      const p = c.w.people.member;
      const token = verificationToken(get(c.w.t, MailLinker).secret, p.id, p.email, new Date(Date.now() + 3600_000));
      return { path: '/api/email-verification/confirm', body: { token } };
    },
    policy: 'route rule only',
  },
  'POST /api/unsubscribe': {
    request: async (c) => ({ path: `/api/unsubscribe?token=${encodeURIComponent(get(c.w.t, MailLinker).linksFor(c.w.extra.id, 'followed-activity').unsubscribeToken)}`, body: {} }),
    policy: 'route rule only',
  },
  'GET /api/mail/outbox': { request: async () => ({ path: '/api/mail/outbox' }), policy: 'route rule only' },
  'GET /api/mail/outbox/{id}': { request: async (c) => ({ path: `/api/mail/outbox/${await outboxMessageId(c)}` }), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}/last-call': { request: (c) => docReq(c, '/versions/1/last-call'), policy: 'route rule only' },
  'POST /api/documents/{id}/versions/{n}/last-call': {
    request: (c) => docReq(c, '/versions/1/last-call', () => ({ days: 1 })),
    policy: inGroup(async (p, groupId) => draftingPolicy.canOpenBallot(await draftingStanding(p, groupId))),
  },
  // #20 core: the notification centre is the signed-in person's own (services read only their rows)
  'GET /api/me/notifications': { request: async () => ({ path: '/api/me/notifications' }), policy: 'route rule only' },
  'GET /api/me/notifications/unread-count': { request: async () => ({ path: '/api/me/notifications/unread-count' }), policy: 'route rule only' },
  'POST /api/me/notifications/{id}/read': { request: async (c) => ({ path: `/api/me/notifications/${await ownNotification(c)}/read`, body: {} }), policy: 'route rule only' },
  'POST /api/me/notifications/read-all': { request: async () => ({ path: '/api/me/notifications/read-all', body: {} }), policy: 'route rule only' },
  'GET /api/me/notification-preferences': { request: async () => ({ path: '/api/me/notification-preferences' }), policy: 'route rule only' },
  'PUT /api/me/notification-preferences': {
    request: async () => ({ path: '/api/me/notification-preferences', body: { kinds: [{ kind: 'followed-activity', email: 'never' }] } }),
    policy: 'route rule only',
  },
  // #20 mentions: mention candidates (members, chairs, stewards), follows (one's own, private), Atom feeds (public)
  'GET /api/working-groups/{id}/mention-candidates': {
    request: (c) => groupReq(c, '/mention-candidates?q=a'),
    policy: inGroup(async (p, groupId) => mentionPolicy.canListMentionCandidates(await get(p.t, WorkingGroupAccess).standing(p.manager, groupId, p.actorId, p.now), await isSteward(p))),
  },
  'GET /api/me/follows': { request: async () => ({ path: '/api/me/follows' }), policy: 'route rule only' },
  'PUT /api/me/follows/{type}/{id}': { request: async (c) => ({ path: `/api/me/follows/working-group/${(await c.group()).id}` }), policy: 'route rule only' },
  'DELETE /api/me/follows/{type}/{id}': { request: async (c) => ({ path: `/api/me/follows/working-group/${(await c.group()).id}` }), policy: 'route rule only' },
  'GET /api/working-groups/{id}/feed.atom': { request: (c) => groupReq(c, '/feed.atom'), policy: 'route rule only' },
  'GET /api/documents/{id}/feed.atom': { request: (c) => docReq(c, '/feed.atom'), policy: 'route rule only' },
  // ---------- meetings (meetings/meetings.policy.ts, decision 0043) ----------
  'GET /api/working-groups/{id}/meetings': { request: (c) => groupReq(c, '/meetings'), policy: 'route rule only' },
  'GET /api/working-groups/{id}/calendar.ics': { request: (c) => groupReq(c, '/calendar.ics'), policy: 'route rule only' },
  'POST /api/working-groups/{id}/meetings': {
    request: (c) => groupReq(c, '/meetings', meetingBody()),
    policy: inGroup(async (p, groupId) => meetingsPolicy.canRunMeeting(await draftingStanding(p, groupId))),
  },
  'GET /api/meetings/{id}': { request: (c) => meetingReq(c, 'planned', ''), policy: 'route rule only' },
  'GET /api/meetings/{id}/calendar.ics': { request: (c) => meetingReq(c, 'planned', '/calendar.ics'), policy: 'route rule only' },
  'PATCH /api/meetings/{id}': { request: (c) => meetingReq(c, 'planned', '', { title: 'Third formal session' }), policy: runsMeeting },
  'PUT /api/meetings/{id}/agenda': { request: (c) => meetingReq(c, 'planned', '/agenda', { items: [{ title: 'Programme of work' }] }), policy: runsMeeting },
  'POST /api/meetings/{id}/open': { request: (c) => meetingReq(c, 'planned', '/open'), policy: runsMeeting },
  'POST /api/meetings/{id}/close': { request: (c) => meetingReq(c, 'open', '/close'), policy: runsMeeting },
  'POST /api/meetings/{id}/current-item': { request: (c) => meetingReq(c, 'open', '/current-item', (m: { itemId: string }) => ({ itemId: m.itemId })), policy: runsMeeting },
  'POST /api/meetings/{id}/attendance': {
    request: (c) => meetingReq(c, 'planned', '/attendance', { mode: 'in-person' }),
    policy: inGroup(async (p, groupId) => meetingsPolicy.canAttend(await draftingStanding(p, groupId))),
  },
  'POST /api/meetings/{id}/floor': {
    // The actor checks in first when they may (only attendees ask): the verdict is whether they may attend.
    request: async (c) => {
      const r = await meetingReq(c, 'open', '/floor', (m: { itemId: string }) => ({ itemId: m.itemId }));
      await c.client.post(`/api/meetings/${r.subject!.meetingId}/attendance`, { mode: 'online' });
      return r;
    },
    policy: inGroup(async (p, groupId) => meetingsPolicy.canAttend(await draftingStanding(p, groupId))),
  },
  'POST /api/meetings/{id}/floor/{requestId}/withdraw': { request: (c) => floorReq(c, 'waiting', '/withdraw'), policy: onRequest },
  'POST /api/meetings/{id}/floor/{requestId}/give': { request: (c) => floorReq(c, 'waiting', '/give'), policy: runsMeeting },
  'POST /api/meetings/{id}/floor/{requestId}/end': { request: (c) => floorReq(c, 'speaking', '/end'), policy: onRequest },
  // ---------- meeting report (meetings/report, decision 0043): those who run the meeting (chairs and rapporteurs), a closed meeting of the cell's group ----------
  'POST /api/meetings/{id}/report': {
    request: async (c) => {
      const m = await meetingReq(c, 'open', '');
      await once(`meeting-closed:${m.subject!.meetingId}`, async () => {
        const res = await c.w.people.chair.client.post(`/api/meetings/${m.subject!.meetingId}/close`);
        if (res.status !== 200) throw new Error(`close meeting: ${res.status} ${JSON.stringify(res.body)}`);
        return m.subject!.meetingId;
      });
      return { ...m, path: `${m.path}/report`, body: { language: 'en' } };
    },
    policy: runsMeeting,
  },
  // ---------- exchange: Word export (decision 0044) ----------
  'GET /api/documents/{id}/versions/{n}/export.docx': { request: (c) => docReq(c, '/versions/1/export.docx'), policy: 'route rule only' },
  // ---------- exchange: pdf (decision 0044) ----------
  'GET /api/documents/{id}/versions/{n}/export.pdf': { request: (c) => docReq(c, '/versions/1/export.pdf'), policy: 'route rule only' },
  'GET /api/documents/{id}/versions/{n}/dispositions.pdf': { request: (c) => docReq(c, '/versions/1/dispositions.pdf'), policy: 'route rule only' },
  // ---------- exchange: comment template (decision 0044) ----------
  'GET /api/documents/{id}/versions/{n}/comment-template.docx': { request: (c) => docReq(c, '/versions/1/comment-template.docx'), policy: 'route rule only' },
  // The right is checked before the body is read: the JSON body of these cells is no Word file, and only a focal point would learn that (none of the roles is one).
  'POST /api/documents/{id}/versions/{n}/comment-template': { request: (c) => docReq(c, '/versions/1/comment-template', () => ({})), policy: inGroup(templateFocalPoint) },
  'POST /api/documents/{id}/versions/{n}/comment-template/comments': {
    request: (c) => docReq(c, '/versions/1/comment-template/comments', (doc) => ({ rows: [{ row: 1, clauseId: operativeClause(doc), kind: 'general', comment: 'From our capital.', proposedChange: null }] })),
    policy: inGroup(templateFocalPoint),
  },
  // ---------- exchange: Word import (exchange/docx-import, decision 0044) ----------
  'POST /api/working-groups/{id}/documents/import-preview': {
    request: async (c) => ({ ...(await groupReq(c, '/documents/import-preview', await trackedResolutionDocx())), headers: { 'content-type': DOCX_MEDIA_TYPE } }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canCreateDocument(await draftingStanding(p, groupId))),
  },
  'POST /api/working-groups/{id}/documents/import': {
    request: (c) =>
      groupReq(c, '/documents/import', {
        title: 'Imported guidance',
        clauses: [{ kind: 'preamble', text: 'Recognising the principles,' }, { kind: 'operative', text: 'Calls on all stakeholders to cooperate.' }],
        amendments: [{ kind: 'delete', clauseIndex: 1 }],
      }),
    // The document is created by an editor; its amendment is proposed by them, so they must also be allowed to amend.
    policy: inGroup(async (p, groupId) => {
      const standing = await draftingStanding(p, groupId);
      const create = draftingPolicy.canCreateDocument(standing);
      return create === true ? draftingPolicy.canAmend(standing) : create;
    }),
  },
  'POST /api/documents/{id}/import-preview': {
    request: async (c) => ({ ...(await docReq(c, '/import-preview', () => undefined)), body: await cleanResolutionDocx(), headers: { 'content-type': DOCX_MEDIA_TYPE } }),
    policy: inGroup(async (p, groupId) => draftingPolicy.canAmend(await draftingStanding(p, groupId))),
  },
  'POST /api/documents/{id}/amendments/import': {
    request: (c) =>
      docReq(c, '/amendments/import', (doc) => ({
        amendments: [{ kind: 'delete', baseVersion: doc.version.number, targetClauseId: operativeClause(doc), rationale: 'Tracked deletion in the Word file.' }],
      })),
    policy: inGroup(async (p, groupId) => draftingPolicy.canAmend(await draftingStanding(p, groupId))),
  },
};

/** Who posts a commenting template's comments (exchange/comment-template): one who may comment, acting as focal point of the organisation of their current affiliation. */
async function templateFocalPoint(p: PolicyInput, groupId: string): Promise<Verdict> {
  const standing = await draftingStanding(p, groupId);
  const verdict = draftingPolicy.canComment(standing);
  if (verdict !== true) return verdict;
  const acting = await get(p.t, FocalPointRepository).isActing(p.manager, standing.currentSnapshot!.organisationId, p.actorId, isoDay(p.now));
  return acting || refusal('template-focal-points-only');
}

// meetings
function meetingBody() {
  return {
    title: `Session ${uniq()}`,
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 90_000_000).toISOString(),
    timeZone: 'Europe/Paris',
    place: 'Room XVII',
    agenda: [{ title: 'Adoption of the agenda' }],
  };
}
async function runsMeeting(p: PolicyInput): Promise<Verdict> {
  return meetingsPolicy.canRunMeeting(await draftingStanding(p, p.subject.groupId));
}
async function onRequest(p: PolicyInput): Promise<Verdict> {
  return meetingsPolicy.canActOnRequest(await draftingStanding(p, p.subject.groupId), { personId: p.subject.speakerId }, p.actorId);
}

/** A meeting of the cell's group scheduled by its chair (opened, its first item taken up, when asked), once per cell group. */
async function meetingReq(c: Cell, state: 'planned' | 'open', suffix: string, body?: unknown | ((m: { itemId: string }) => unknown)): Promise<CellRequest> {
  const g = await c.group();
  const chair = c.w.people.chair.client;
  const key = await once(`meeting:${state}:${g.id}`, async () => {
    const res = await chair.post<{ id: string; agenda: { id: string }[] }>(`/api/working-groups/${g.id}/meetings`, meetingBody());
    if (res.status !== 201) throw new Error(`schedule meeting: ${res.status} ${JSON.stringify(res.body)}`);
    const itemId = res.body.agenda[0].id;
    if (state === 'open') {
      await chair.post(`/api/meetings/${res.body.id}/open`);
      await chair.post(`/api/meetings/${res.body.id}/current-item`, { itemId });
    }
    return `${res.body.id} ${itemId}`;
  });
  const [id, itemId] = key.split(' ');
  return { path: `/api/meetings/${id}${suffix}`, body: typeof body === 'function' ? body({ itemId }) : body, subject: { groupId: g.id, meetingId: id, itemId } };
}

/** A request for the floor by the cell group's `extra` member on the current item (given the floor when asked), once per cell group. */
async function floorReq(c: Cell, state: 'waiting' | 'speaking', suffix: string): Promise<CellRequest> {
  const m = await meetingReq(c, 'open', '');
  const { meetingId, itemId } = m.subject!;
  const requestId = await once(`floor:${state}:${meetingId}`, async () => {
    await c.w.extra.client.post(`/api/meetings/${meetingId}/attendance`, { mode: 'in-person' });
    const res = await c.w.extra.client.post<{ floor: { queue: { id: string }[] } }>(`/api/meetings/${meetingId}/floor`, { itemId });
    if (res.status !== 201) throw new Error(`ask for the floor: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.floor.queue[0].id;
    if (state === 'speaking') await c.w.people.chair.client.post(`/api/meetings/${meetingId}/floor/${id}/give`);
    return id;
  });
  return { path: `/api/meetings/${meetingId}/floor/${requestId}${suffix}`, subject: { ...m.subject!, requestId, speakerId: c.w.extra.id } };
}

// #20 core
/** A notification of the actor's own to mark read (written straight into its table; anonymous gets any id). */
async function ownNotification(c: Cell): Promise<string> {
  if (!c.actorId) return '00000000-0000-4000-8000-000000000000';
  const [row] = await c.w.t.dataSource.query(
    `INSERT INTO notifications (recipient_id, kind, dedupe_key, link, data, created_at, in_app, email_mode)
     VALUES ($1, 'followed-activity', $2, '/', '{"group":null,"document":null,"link":"/","actor":null,"subject":{"title":null,"label":null},"facts":{}}', now(), true, 'never') RETURNING id`,
    [c.actorId, `authz:${uniq()}`],
  );
  return row.id as string;
}

/** A silence procedure on the cell's document, started by the chair (once per cell group). */
async function silenceReq(c: Cell, suffix: string, body?: unknown): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  const id = await once(`silence:${g.id}`, async () => {
    const res = await c.w.people.chair.client.post<{ id: string }>(`/api/documents/${doc.id}/versions/1/silence`, { deadline: new Date(Date.now() + 80 * 3_600_000).toISOString() });
    if (res.status !== 201) throw new Error(`silence: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  });
  return { path: `/api/silence/${id}${suffix}`, body, subject: { groupId: g.id, documentId: doc.id, silenceId: id } };
}

/** A request for a separate vote made by the cell's voting member, acted on by the cell's role. */
async function divisionReq(c: Cell, suffix: string, body: unknown): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  const res = await c.w.people.member.client.post<DivisionList>(`/api/documents/${doc.id}/divisions`, { clauseIds: [operativeClause(doc)], reason: 'A separate vote, please.' });
  if (res.status !== 201) throw new Error(`division: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.divisions.find((d) => d.status === 'pending')!.id;
  return { path: `/api/divisions/${id}${suffix}`, body, subject: { groupId: g.id, documentId: doc.id } };
}

const inAWeek = () => isoDay(new Date(Date.now() + 7 * 86_400_000));

/** A request on the operative clause of the cell's document (read once: the path and the subject name the same document). */
async function clauseReq(c: Cell, suffix: string, body?: unknown): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  return { path: `/api/documents/${doc.id}/clauses/${operativeClause(doc)}${suffix}`, body, subject: { groupId: g.id, documentId: doc.id } };
}

async function adRefReq(c: Cell, act: 'lift' | 'withdraw'): Promise<CellRequest> {
  const g = await c.group();
  const doc = await c.doc();
  const clauseId = operativeClause(doc);
  const res = await c.w.people.member.client.post<ClauseStatusHistory>(`/api/documents/${doc.id}/clauses/${clauseId}/ad-ref`, { expiresOn: inAWeek() });
  if (res.status !== 201) throw new Error(`ad ref: ${res.status} ${JSON.stringify(res.body)}`);
  const adRefId = res.body.adRefs[0].id;
  return { path: `/api/documents/${doc.id}/clauses/${clauseId}/ad-ref/${adRefId}/${act}`, body: {}, subject: { groupId: g.id, documentId: doc.id, adRefId } };
}

function adRefPolicy(ending: 'lifted' | 'withdrawn'): ContextPolicy {
  return async (p) => clauseStatusPolicy.canEndAdRef(await draftingStanding(p, p.subject.groupId), (await findAdRef(p.manager, p.subject.adRefId))!, ending, p.now);
}

/** A fresh organisation and a fresh person who declared an affiliation to it, awaiting confirmation. */
async function pendingAffiliation(c: Cell): Promise<{ organisationId: string; personId: string; affiliationId: string }> {
  const org = await c.w.people.steward.client.post<{ id: string }>('/api/organisations', { name: `Ministry ${uniq()}`, stakeholderGroup: 'government', subtype: 'national' });
  const person = await newPerson(c.w.t.baseUrl, { name: 'Declared Attaché' });
  const declared = await person.client.post<AffiliationResponse>('/api/me/affiliations', { organisationId: org.body.id, title: 'Attaché', startDate: '2020-01-01' });
  if (declared.status !== 201) throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
  return { organisationId: org.body.id, personId: person.id, affiliationId: declared.body.id };
}
const isSteward = async (p: PolicyInput): Promise<boolean> => (await p.manager.query(`SELECT is_steward FROM people WHERE id = $1`, [p.actorId]))[0]?.is_steward === true;
/** A confirmation rule's answer: forbidden is a denial; a state of the subject (409) or a missing reason is not about the actor's rights. */
const asVerdict = (v: { as: string } | ConfirmationRefusal): Verdict => {
  if ('as' in v || v.code === 'reason-required') return true;
  return refusalVerdict(refusal(v.code, v.params as never));
};

const withTarget = (r: CellRequest, targetId: string): CellRequest => ({ ...r, subject: { ...r.subject, targetId } });

async function targetMember(p: PolicyInput, groupId: string, personId: string): Promise<groupPolicy.TargetMember> {
  const m = (await get(p.t, WorkingGroupRepository).currentMembership(p.manager, groupId, personId))!;
  const term = await get(p.t, ChairTermRepository).openTermOf(p.manager, groupId, personId);
  return { personId, kind: m.kind, isChair: term !== null };
}

/** The actor's affiliation to one organisation, as the endorsement service reads it (its own loader). */
const affiliationTo = (p: PolicyInput, organisationId: string) =>
  get(p.t, EndorsementService)['affiliationTo'](p.manager, p.actorId, organisationId, p.now) as Promise<import('@parley/domain').AffiliationSnapshot | null>;

/** A message of the outbox (the verification links the sweep mails to the matrix's newcomers). */
async function outboxMessageId(c: Cell): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const [row] = (await c.w.t.dataSource.query(`SELECT id FROM email_deliveries WHERE transport = 'outbox' LIMIT 1`)) as { id: string }[];
    if (row) return row.id;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no message reached the outbox');
}

/** The clock the app's services read. */
export const appNow = (t: TestApp): Date => get(t, Clock).now();
