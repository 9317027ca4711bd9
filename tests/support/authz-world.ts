import { randomBytes } from 'node:crypto';
import type { DocumentResponse, MeResponse, SessionResponse } from '@parley/contracts';
import { newDelegate, newOrganisation, newPerson, type SignedIn } from './factories';
import { ApiClient } from './http-client';
import type { TestApp } from './test-app';
import { admit, type Delegate, makeChair, newGroupDelegate, newWorkingGroup } from './drafting-fixtures';

/**
 * The people of the authorisation matrix, one per role, and the fresh working group each cell of
 * the matrix acts in (so an allowed act in one cell never changes another cell's standing).
 */
export const ROLES = ['anonymous', 'no-affiliation', 'observer', 'member', 'chair-elsewhere', 'chair', 'steward'] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD = 'correct horse battery';
const uniq = () => randomBytes(4).toString('hex');

export interface AuthzWorld {
  t: TestApp;
  /** A new client with no session and no cookies, each time. */
  readonly anon: ApiClient;
  /** Everyone but `anonymous`. */
  people: Record<Exclude<Role, 'anonymous'>, SignedIn>;
  /** A voting member of every cell group who holds no role of the matrix: the target of removals, role changes and nominations, the author of amendments others co-sponsor. */
  extra: Delegate;
  /** A delegate outside every group, whose pending join requests chairs decide. */
  applicant: Delegate;
  /** A group that `chair-elsewhere` chairs. */
  otherGroupId: string;
  organisationId: string;
}

export async function buildWorld(t: TestApp): Promise<AuthzWorld> {
  // The first account on an empty platform is its steward; give them an affiliation like anyone else's,
  // so a refusal says "not in this group", never "no affiliation".
  const steward = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'intergovernmental' }, 'Platform steward');
  const me = await steward.client.get<MeResponse>('/api/me');
  if (!me.body.isSteward) throw new Error('the first account is not a steward: the database is not empty');
  const [noAffiliation, observer, member, chairElsewhere, chair, extra, applicant] = await Promise.all([
    newPerson(t.baseUrl),
    newGroupDelegate(t, 'civil-society', 'academia', 'Observing University'),
    newGroupDelegate(t, 'government', 'national', 'Ministry'),
    newGroupDelegate(t, 'private-sector', 'company', 'Chairing Elsewhere Corp'),
    newGroupDelegate(t, 'civil-society', 'ngo', 'Chairing NGO'),
    newGroupDelegate(t, 'private-sector', 'business-association', 'Extra Association'),
    newGroupDelegate(t, 'government', 'local', 'Applicant City'),
  ]);
  const otherGroupId = await newWorkingGroup(t, chairElsewhere);
  await admit(t, otherGroupId, chairElsewhere, 'member');
  await makeChair(t, otherGroupId, chairElsewhere);
  const organisation = await newOrganisation(steward.client, { name: `Matrix organisation ${uniq()}` });
  return {
    t,
    get anon() {
      return new ApiClient(t.baseUrl);
    },
    people: { steward, 'no-affiliation': noAffiliation, observer, member, 'chair-elsewhere': chairElsewhere, chair },
    extra,
    applicant,
    otherGroupId,
    organisationId: organisation.id,
  };
}

export function clientOf(w: AuthzWorld, role: Role): ApiClient {
  return role === 'anonymous' ? w.anon : w.people[role].client;
}

export function personOf(w: AuthzWorld, role: Role): SignedIn | null {
  return role === 'anonymous' ? null : w.people[role];
}

/** A second session of the role's person (for acts that end the session they are made with). */
export async function freshSession(w: AuthzWorld, role: Role): Promise<ApiClient> {
  const p = personOf(w, role);
  if (!p) return w.anon;
  const res = await w.anon.post<SessionResponse>('/api/auth/login', { email: p.email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  return new ApiClient(w.t.baseUrl).withToken(res.body.token);
}

export interface CellGroup {
  id: string;
}

/**
 * A fresh active group with the matrix's roles: `chair` (a voting member holding a chair term, and
 * the convener), `member`, `observer`, and the `extra` voting member. Written straight into the
 * tables (the flows that create them are tested elsewhere); cheap enough for one per cell.
 */
export async function newCellGroup(w: AuthzWorld): Promise<CellGroup> {
  const chair = w.people.chair as Delegate;
  const id = await newWorkingGroup(w.t, chair, { quorum: 0 });
  await admit(w.t, id, chair, 'member');
  await makeChair(w.t, id, chair);
  await admit(w.t, id, w.people.member as Delegate, 'member');
  await admit(w.t, id, w.people.observer as Delegate, 'observer');
  await admit(w.t, id, w.extra, 'member');
  return { id };
}

const CLAUSES = [
  { kind: 'heading', text: 'Principles' },
  { kind: 'preamble', text: 'Recognising that cyberspace is a space of opportunity,' },
  { kind: 'operative', text: 'Calls on all stakeholders to protect the public core of the internet.' },
] as const;

/** A document of the cell group, created by its chair through the API. */
export async function newCellDocument(w: AuthzWorld, g: CellGroup): Promise<DocumentResponse> {
  const res = await w.people.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: `Draft ${uniq()}`, clauses: CLAUSES });
  if (res.status !== 201) throw new Error(`create document: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function operativeClause(doc: DocumentResponse): string {
  return doc.version.clauses.find((c) => c.kind === 'operative')!.id;
}

/** An amendment to the document's operative clause, proposed by `author`. */
export async function newAmendment(w: AuthzWorld, doc: DocumentResponse, author: SignedIn): Promise<string> {
  const res = await author.client.post<{ id: string }>(`/api/documents/${doc.id}/amendments`, {
    kind: 'replace',
    baseVersion: doc.version.number,
    targetClauseId: operativeClause(doc),
    text: 'Calls on all stakeholders to protect the general availability and integrity of the internet.',
    rationale: 'Closer to the wording of the Paris Call.',
  });
  if (res.status !== 201) throw new Error(`propose amendment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function newComment(w: AuthzWorld, doc: DocumentResponse, author: SignedIn): Promise<string> {
  const res = await author.client.post<{ id: string }>(`/api/documents/${doc.id}/comments`, {
    clauseId: operativeClause(doc),
    kind: 'clarification',
    body: 'Which core?',
  });
  if (res.status !== 201) throw new Error(`post comment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const inADay = () => new Date(Date.now() + 24 * 3600_000).toISOString();

export async function newMotion(w: AuthzWorld, g: CellGroup): Promise<string> {
  const res = await w.people.chair.client.post<{ id: string }>('/api/ballots', {
    workingGroupId: g.id,
    subjectType: 'motion',
    title: 'That the group meets in Geneva',
    closesAt: inADay(),
  });
  if (res.status !== 201) throw new Error(`open motion: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

let adopted: { world: AuthzWorld; doc: Promise<{ groupId: string; documentId: string }> } | null = null;

/** One document adopted as version 1 (shared by the cells that need an adopted text: endorsements, exports). */
export function adoptedDocument(w: AuthzWorld): Promise<{ groupId: string; documentId: string }> {
  if (adopted?.world === w) return adopted.doc;
  const doc = (async () => {
    const g = await newCellGroup(w);
    const d = await newCellDocument(w, g);
    const opened = await w.people.chair.client.post<{ ballotId: string }>(`/api/documents/${d.id}/versions/1/adoption-ballot`, {
      closesAt: inADay(),
      confirmUnanswered: true,
    });
    if (opened.status !== 201) throw new Error(`adoption ballot: ${opened.status} ${JSON.stringify(opened.body)}`);
    for (const voter of [w.people.chair, w.people.member, w.extra]) {
      const v = await voter.client.post(`/api/ballots/${opened.body.ballotId}/votes`, { choice: 'yes' });
      if (v.status !== 200) throw new Error(`vote: ${v.status} ${JSON.stringify(v.body)}`);
    }
    const closed = await w.people.chair.client.post<{ outcome: string }>(`/api/ballots/${opened.body.ballotId}/close`, { reason: 'Closed early in a test.' });
    if (closed.body.outcome !== 'passed') throw new Error(`adoption: ${closed.status} ${JSON.stringify(closed.body)}`);
    return { groupId: g.id, documentId: d.id };
  })();
  adopted = { world: w, doc };
  return doc;
}

/** The organisation `member` represents: the only role that may endorse (or withdraw an endorsement) on its behalf. */
export const memberOrganisationId = (w: AuthzWorld): string => (w.people.member as Delegate).organisation.id;

/** An active endorsement of the adopted text by the member's organisation (made by the member when there is none). */
export async function activeMemberEndorsement(w: AuthzWorld): Promise<{ documentId: string; endorsementId: string }> {
  const { documentId } = await adoptedDocument(w);
  const [row] = await w.t.dataSource.query(
    `SELECT id FROM endorsements WHERE document_id = $1 AND version_number = 1 AND organisation_id = $2 AND withdrawn_at IS NULL`,
    [documentId, memberOrganisationId(w)],
  );
  if (row) return { documentId, endorsementId: row.id };
  const res = await w.people.member.client.post<{ id: string }>(`/api/documents/${documentId}/versions/1/endorsements`, {
    organisationId: memberOrganisationId(w),
  });
  if (res.status !== 201) throw new Error(`endorse: ${res.status} ${JSON.stringify(res.body)}`);
  return { documentId, endorsementId: res.body.id };
}
