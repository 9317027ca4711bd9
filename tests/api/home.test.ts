import type { BallotResponse, CommentResponse, EndorsementResponse, HomeResponse, JoinRequestResponse } from '@parley/contracts';
import { HOME_LIMITS, PROBLEM_TYPES } from '@parley/contracts';
import { newAdoptedDocument, type AdoptedDocument } from '../support/adoption-fixtures';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/**
 * GET /api/home, the front door: what a visitor sees of the platform in one round trip, and what
 * waits on a signed-in person. Two groups: one that adopted a text (endorsed by a company) and holds
 * open motions (roll-call, secret, and roll-call with tallies hidden until close), and one drafting,
 * where a clarification question and a general comment wait for an answer and an outsider asks to join.
 */
describe('GET /api/home', () => {
  let t: TestApp;
  let visitor: ApiClient;
  let adopted: AdoptedDocument;
  let drafting: DraftingGroup;
  const ballots: Record<'rollCall' | 'secret' | 'hidden', BallotResponse> = {} as never;
  let endorsement: EndorsementResponse;
  let request: JoinRequestResponse;
  let clarification: CommentResponse;
  let general: CommentResponse;

  const home = async (client: ApiClient) => {
    const res = await client.get<HomeResponse>('/api/home');
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    visitor = new ApiClient(t.baseUrl);
    adopted = await newAdoptedDocument(t);
    const g = adopted.g;
    endorsement = (
      await g.company.client.post<EndorsementResponse>(`/api/documents/${adopted.doc.id}/versions/1/endorsements`, {
        organisationId: g.company.organisation.id,
      })
    ).body;

    const open = async (title: string, closesAt: string, terms: Record<string, unknown> = {}) => {
      const res = await g.chair.client.post<BallotResponse>('/api/ballots', { workingGroupId: g.id, subjectType: 'motion', title, closesAt, ...terms });
      expect(res.status).toBe(201);
      return res.body;
    };
    ballots.rollCall = await open('That the group meets in Geneva', inHours(1));
    ballots.secret = await open('That the group elects its secretariat', inHours(2), { visibility: 'secret' });
    ballots.hidden = await open('That the group publishes its minutes', inHours(3), { tallies: 'hidden-until-close' });
    for (const [i, h] of [4, 5, 6].entries()) await open(`Later motion ${i + 1}`, inHours(h));
    expect((await g.ngo.client.post(`/api/ballots/${ballots.rollCall.id}/votes`, { choice: 'yes' })).status).toBe(200);
    expect((await g.company.client.post(`/api/ballots/${ballots.secret.id}/votes`, { choice: 'no' })).status).toBe(200);

    drafting = await newDraftingGroup(t);
    const doc = await newParisCallDocument(t, drafting);
    const clause = clauseByLabel(doc, '4.');
    const post = async (kind: string, body: string) => {
      const res = await drafting.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: clause.id, kind, body });
      expect([res.status, res.body]).toEqual([201, expect.anything()]);
      return res.body;
    };
    general = await post('general', 'The text reads well overall.');
    clarification = await post('clarification', 'Does “malicious cyber activities” include activities by non-state actors?');
    request = (
      await drafting.outsider.client.post<JoinRequestResponse>(`/api/working-groups/${drafting.id}/join-requests`, {
        kind: 'member',
        statement: 'We would like to take part in the drafting.',
      })
    ).body;
    expect(request.status).toBe('pending');

    // The last act: a roll-call vote whose choice stays hidden until the ballot closes.
    expect((await g.government.client.post(`/api/ballots/${ballots.hidden.id}/votes`, { choice: 'no' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('a visitor sees the active groups with composition and alarms, open ballots soonest first, adopted texts, endorsements and recent acts; no personal part', async () => {
    const res = await visitor.get<HomeResponse>('/api/home');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = res.body;
    expect(body.me).toBeNull();

    const groupIds = body.workingGroups.items.map((g) => g.id);
    expect(groupIds).toEqual(expect.arrayContaining([adopted.g.id, drafting.id]));
    expect(body.workingGroups.total).toBe(2);
    const group = body.workingGroups.items.find((g) => g.id === drafting.id)!;
    expect(group.composition.votingMembers.total).toBe(5);
    // Only what the page shows of a group: no mandate, no per-organisation lists (those are on the group's page).
    expect(group).not.toHaveProperty('mandate');
    expect(Object.keys(group.composition.votingMembers).sort()).toEqual(['byStakeholderGroup', 'total']);
    // The private-sector chair with no confirming ballot: the alarm a visitor should see.
    expect(group.alarms.map((a) => a.code)).toContain('chair-unconfirmed');

    // Six motions open; five shown, soonest close first; the closed adoption ballot is not among them.
    expect(body.ballotsClosingSoon.total).toBe(6);
    expect(body.ballotsClosingSoon.items).toHaveLength(HOME_LIMITS.ballots);
    expect(body.ballotsClosingSoon.items.slice(0, 3).map((b) => b.id)).toEqual([ballots.rollCall.id, ballots.secret.id, ballots.hidden.id]);
    expect(body.ballotsClosingSoon.items.map((b) => b.id)).not.toContain(adopted.ballotId);
    expect(body.ballotsClosingSoon.items[0]).toMatchObject({
      title: 'That the group meets in Geneva',
      status: 'open',
      votesCast: 1,
      electorateSize: 5,
      workingGroup: { id: adopted.g.id },
    });
    const closes = body.ballotsClosingSoon.items.map((b) => Date.parse(b.closesAt));
    expect(closes).toEqual([...closes].sort((a, b) => a - b));

    expect(body.adoptedTexts).toEqual([
      expect.objectContaining({
        documentId: adopted.doc.id,
        version: 1,
        title: adopted.doc.title,
        signatories: 1,
        workingGroup: { id: adopted.g.id, name: expect.any(String) },
      }),
    ]);
    expect(body.endorsements).toEqual([
      expect.objectContaining({
        id: endorsement.id,
        documentTitle: adopted.doc.title,
        organisation: expect.objectContaining({ id: adopted.g.company.organisation.id, stakeholderGroup: 'private-sector' }),
      }),
    ]);

    expect(body.recentActs.items).toHaveLength(HOME_LIMITS.recentActs);
    expect(body.recentActs.links).toHaveLength(HOME_LIMITS.recentActs);
    const times = body.recentActs.items.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.recentActs.items[0]).toMatchObject({ action: 'vote.cast', subjectId: ballots.hidden.id });
  });

  it('shows nothing a visitor could not open elsewhere: no secret choice, a hidden roll-call choice withheld as in the audit log', async () => {
    const body = await home(visitor);
    const hiddenVote = body.recentActs.items[0];
    expect(hiddenVote.change).toEqual({});
    expect(hiddenVote.withheld).toEqual(expect.any(String));
    // Nowhere in the answer is there a choice of the secret or hidden ballots, nor any vote's choice but through the public log.
    const text = JSON.stringify({ ...body, recentActs: null });
    expect(text).not.toMatch(/"choice"/);
    const secretVote = body.recentActs.items.find((e) => e.action === 'vote.cast' && e.subjectId === ballots.secret.id);
    if (secretVote) expect(JSON.stringify(secretVote.change)).not.toMatch(/"no"|choice/);
  });

  it('a voting member sees the ballots they can still vote on (not the one they voted on), and one drops off once they vote', async () => {
    const ngo = adopted.g.ngo.client;
    const before = (await home(ngo)).me!;
    expect(before.ballotsToVote.total).toBe(5);
    expect(before.ballotsToVote.items.map((b) => b.id).slice(0, 2)).toEqual([ballots.secret.id, ballots.hidden.id]);
    expect(before.ballotsToVote.items.map((b) => b.id)).not.toContain(ballots.rollCall.id);
    expect(before.ballotsToVote.items[0].workingGroup.id).toBe(adopted.g.id);
    expect(before.commentsToAnswer).toEqual({ items: [], total: 0 });
    expect(before.joinRequestsToDecide).toEqual({ items: [], total: 0 });

    expect((await ngo.post(`/api/ballots/${ballots.secret.id}/votes`, { choice: 'abstain' })).status).toBe(200);
    const after = (await home(ngo)).me!;
    expect(after.ballotsToVote.total).toBe(4);
    expect(after.ballotsToVote.items.map((b) => b.id)).not.toContain(ballots.secret.id);
  });

  it('someone outside the electorate has no ballot to vote on', async () => {
    const me = (await home(drafting.outsider.client)).me!;
    expect(me.ballotsToVote).toEqual({ items: [], total: 0 });
    // Their own place in groups (the steps of "My profile"): in none yet, one request pending.
    expect(me.groups).toEqual({ joined: 0, requested: 1 });
  });

  it('a chair sees the pending join request to decide and the comments waiting for a disposition, the clarification first', async () => {
    const me = (await home(drafting.chair.client)).me!;
    expect(me.joinRequestsToDecide.total).toBe(1);
    expect(me.joinRequestsToDecide.items[0]).toMatchObject({
      id: request.id,
      person: { id: drafting.outsider.id },
      kind: 'member',
      statement: 'We would like to take part in the drafting.',
      workingGroup: { id: drafting.id, name: expect.stringMatching(/^Working group /) },
    });
    expect(me.commentsToAnswer.total).toBe(2);
    expect(me.commentsToAnswer.items.map((c) => [c.id, c.kind])).toEqual([
      [clarification.id, 'clarification'],
      [general.id, 'general'],
    ]);
    expect(me.commentsToAnswer.items[0]).toMatchObject({
      author: { id: drafting.ngo.id },
      excerpt: expect.stringContaining('non-state actors'),
      workingGroup: { id: drafting.id },
    });
  });

  it('a rapporteur answers comments but does not decide join requests; an ordinary member has neither', async () => {
    const rapporteur = (await home(drafting.rapporteur.client)).me!;
    expect(rapporteur.commentsToAnswer.total).toBe(2);
    expect(rapporteur.joinRequestsToDecide.total).toBe(0);
    const member = (await home(drafting.ngo.client)).me!;
    expect(member.commentsToAnswer.total).toBe(0);
    expect(member.joinRequestsToDecide.total).toBe(0);
  });

  it('once the chair answers and decides, nothing of it waits any more, and the group counts its new member', async () => {
    const chair = drafting.chair.client;
    const votingMembers = async () => (await home(visitor)).workingGroups.items.find((g) => g.id === drafting.id)!.composition.votingMembers.total;
    expect(await votingMembers()).toBe(5);
    expect(
      (await chair.post(`/api/comments/${clarification.id}/disposition`, { disposition: 'noted', reason: 'Yes: the principle covers non-state actors.' }))
        .status,
    ).toBe(200);
    expect((await chair.post(`/api/working-groups/${drafting.id}/join-requests/${request.id}/decision`, { decision: 'admit' })).status).toBe(200);
    const me = (await home(chair)).me!;
    expect(me.commentsToAnswer.items.map((c) => c.id)).toEqual([general.id]);
    expect(me.joinRequestsToDecide).toEqual({ items: [], total: 0 });
    expect((await home(drafting.outsider.client)).me!.groups).toEqual({ joined: 1, requested: 0 });
    // The group's composition counts the new member at once (the front door's group list is not served stale after an act).
    expect(await votingMembers()).toBe(6);
  });

  it('refuses parameters it does not know, naming them', async () => {
    const res = await visitor.get('/api/home?limit=1000');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(PROBLEM_TYPES.validation);
    expect(JSON.stringify(res.body.errors)).toContain('limit');
  });

  it('is described in the OpenAPI document', async () => {
    const res = await visitor.get<{ paths: Record<string, Record<string, { summary?: string }>> }>('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/home'].get.summary).toMatch(/^The front door in one round trip/);
  });
});
