import type { CommentResponse, DocumentResponse } from '@parley/contracts';
import { mentionToken } from '@parley/domain';
import { notificationSentence } from '@parley/contracts';
import { NotificationDeriver } from '../../apps/api/src/notifications/notification-deriver';
import { clauseByLabel, DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { centreOf, eventually, ofKind } from './notifications-support';

jest.setTimeout(60_000);

describe('notifications from drafting: replies, mentions, clarifications, follows and members-only texts', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let clauseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    clauseId = clauseByLabel(doc, '4.').id;
  });
  afterAll(() => t.close());

  const derived = () => t.app.get(NotificationDeriver).pass();
  const comment = async (who: DraftingGroup['ngo'], body: object) => {
    const res = await who.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, kind: 'general', ...body });
    if (res.status !== 201) throw new Error(`comment: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const reply = async (who: DraftingGroup['ngo'], parentId: string, body: string) => {
    const res = await who.client.post<CommentResponse>(`/api/comments/${parentId}/replies`, { body });
    if (res.status !== 201) throw new Error(`reply: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const follow = (who: { id: string }, type: 'working-group' | 'document', targetId: string) =>
    t.dataSource.query(`INSERT INTO follows (person_id, target_type, target_id, working_group_id, created_at) VALUES ($1, $2, $3, $4, now())`, [who.id, type, targetId, g.id]);

  it('a reply tells the author of the comment replied to, with an excerpt, linked to the reply', async () => {
    const top = await comment(g.ngo, { body: 'Principle 4 should name the supply chain.' });
    const answer = await reply(g.company, top.id, 'Agreed — and   the vendors\nwho ship updates.');
    const list = await eventually(() => centreOf(g.ngo), (l) => ofKind(l, 'comment-reply').length > 0, 'the NGO delegate is told of the reply');
    const [n] = ofKind(list, 'comment-reply');
    expect(n).toMatchObject({
      link: `/documents/${doc.id}?clause=${clauseId}&comment=${answer.id}`,
      document: { id: doc.id, title: doc.title },
      actor: { id: g.company.id, name: g.company.name, snapshot: g.company.snapshot },
      facts: { excerpt: 'Agreed — and the vendors who ship updates.' },
    });
    expect(notificationSentence(n, 'en')).toBe(
      `${g.company.name} (${g.company.snapshot.organisationName}, private sector) replied to your comment on paragraph 4 of “${doc.title}”: “Agreed — and the vendors who ship updates.”`,
    );
    await derived();
    expect(ofKind(await centreOf(g.company), 'comment-reply')).toEqual([]);
  });

  it('a mention in a posted comment tells each member mentioned once, never the commenter, never a non-member', async () => {
    const body = `Could ${mentionToken(g.government.name, g.government.id)} and ${mentionToken(g.outsider.name, g.outsider.id)} check this, as ${mentionToken(g.ngo.name, g.ngo.id)} asked?`;
    await comment(g.ngo, { body });
    const list = await eventually(() => centreOf(g.government), (l) => ofKind(l, 'mentioned').length > 0, 'the government delegate is told of the mention');
    expect(ofKind(list, 'mentioned')).toHaveLength(1);
    expect(notificationSentence(ofKind(list, 'mentioned')[0], 'fr')).toContain(`vous a mentionné sur le paragraphe 4 de « ${doc.title} » : « Could @${g.government.name}`);
    await derived();
    expect(ofKind(await centreOf(g.outsider), 'mentioned')).toEqual([]);
    expect(ofKind(await centreOf(g.ngo), 'mentioned')).toEqual([]);
  });

  it('a clarification question waits with the chairs; the chair’s answer tells the one who asked', async () => {
    const q = await comment(g.company, { kind: 'clarification', body: 'Does “commercial sector” cover state-owned enterprises?' });
    await eventually(() => centreOf(g.chair), (l) => ofKind(l, 'clarification-unanswered').some((n) => n.link.endsWith(q.id)), 'the chair is told of the question');
    await reply(g.chair, q.id, 'It does.');
    const asked = await eventually(() => centreOf(g.company), (l) => ofKind(l, 'clarification-answered').length > 0, 'the asker is told of the answer');
    expect(ofKind(asked, 'comment-reply')).toEqual([]);
  });

  it('followers hear of activity once per act, not of their own, and a members-only text tells no follower outside the group', async () => {
    for (const who of [g.observer, g.outsider, g.rapporteur]) await follow(who, 'working-group', g.id);
    await follow(g.rapporteur, 'document', doc.id);

    const restricted = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, {
      title: 'Members-only zero draft',
      pastedText: 'A paragraph for members only.',
      membersOnlyUntil: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(restricted.status).toBe(201);
    const open = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Public draft', pastedText: 'A public paragraph.' });
    expect(open.status).toBe(201);
    await comment(g.rapporteur, { body: 'A comment by a follower.' });

    const seen = await eventually(
      () => centreOf(g.observer),
      (l) => ofKind(l, 'followed-activity').filter((n) => n.document?.id === open.body.id).length > 0,
      'the observer hears of the public draft',
    );
    expect(ofKind(seen, 'followed-activity').some((n) => n.document?.id === restricted.body.id)).toBe(true);
    expect(notificationSentence(ofKind(seen, 'followed-activity').find((n) => n.document?.id === open.body.id)!, 'en')).toBe(
      `${g.chair.name} (${g.chair.snapshot.organisationName}, private sector) created a document on “Public draft”.`,
    );

    await derived();
    const outsider = ofKind(await centreOf(g.outsider), 'followed-activity');
    expect(outsider.map((n) => n.document?.title)).toContain('Public draft');
    expect(outsider.map((n) => n.document?.title)).not.toContain('Members-only zero draft');
    expect(JSON.stringify(await centreOf(g.outsider))).not.toContain('Members-only');

    // The rapporteur follows the group and the document: one notification per act, none for their own comment.
    const rapporteur = ofKind(await centreOf(g.rapporteur), 'followed-activity');
    expect(rapporteur.filter((n) => n.document?.id === open.body.id)).toHaveLength(1);
    expect(rapporteur.filter((n) => n.actor?.id === g.rapporteur.id)).toEqual([]);
  });

  it('a follower told of an act by another kind is not told of it twice', async () => {
    await follow(g.government, 'document', doc.id);
    const top = await comment(g.government, { body: 'The government’s view on principle 4.' });
    const answer = await reply(g.company, top.id, 'A reply the government follows anyway.');
    const list = await eventually(() => centreOf(g.government), (l) => l.items.some((n) => n.link.endsWith(answer.id)), 'the government delegate is told of the reply');
    expect(list.items.filter((n) => n.link.endsWith(answer.id)).map((n) => n.kind)).toEqual(['comment-reply']);
  });

  it('a follower hears only of acts after they followed, even when the acts are derived later', async () => {
    // A follow dated an hour ahead stands for one made after the act: the deriver reads the act's time, not its own.
    await t.dataSource.query(
      `INSERT INTO follows (person_id, target_type, target_id, working_group_id, created_at) VALUES ($1, 'document', $2, $3, now() + interval '1 hour')`,
      [g.chair.id, doc.id, g.id],
    );
    const before = await comment(g.company, { body: 'Posted before the chair followed the draft.' });
    await derived();
    expect((await centreOf(g.chair)).items.filter((n) => n.link.endsWith(before.id))).toEqual([]);
  });
});
