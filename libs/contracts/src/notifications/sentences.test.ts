import { NOTIFICATION_KINDS } from '@parley/domain';
import { notificationSentence } from './sentences';
import type { NotificationView } from './views';

const ana = { id: 'a', name: 'Ana Ruiz', snapshot: { affiliationId: 'x', organisationId: 'o', organisationName: 'Access Now', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'FR', title: 'Policy lead', organisationVerified: true } } as NotificationView['actor'];
const base = (kind: NotificationView['kind'], facts: NotificationView['facts'] = {}): NotificationView => ({
  id: 'n',
  kind,
  createdAt: '2026-12-06T10:00:00.000Z',
  readAt: null,
  group: { id: 'g', name: 'Norms' },
  document: { id: 'd', title: 'Paris Call' },
  link: '/documents/d',
  actor: ana,
  subject: { title: 'That the group meets in Geneva', label: null },
  facts,
});

describe('notification sentences', () => {
  it('reads every kind in English and in French, naming the actor with their affiliation', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const en = notificationSentence(base(kind), 'en');
      const fr = notificationSentence(base(kind), 'fr');
      expect(en).not.toBe('');
      expect(fr).not.toBe(en);
      expect(en).not.toMatch(/undefined|\[object/);
    }
    expect(notificationSentence(base('mentioned', { excerpt: 'See OP3' }), 'en')).toBe('Ana Ruiz (Access Now, civil society) mentioned you on “Paris Call”: “See OP3”');
  });

  it('in Arabic, isolates a Latin name and organisation (FSI … PDI) so they cannot reorder the sentence; other languages leave them as written', () => {
    const ar = notificationSentence(base('mentioned', { excerpt: 'See OP3' }), 'ar');
    expect(ar).toContain('\u2068Ana Ruiz\u2069');
    expect(ar).toContain('\u2068Access Now\u2069');
    expect(ar).toContain('«\u2068Paris Call\u2069»');
    expect(notificationSentence(base('mentioned', { excerpt: 'See OP3' }), 'ru')).not.toMatch(/[\u2066-\u2069]/);
  });

  it('names the paragraph, and says French "au" and "du" where the place takes them', () => {
    const onParagraph = { ...base('amendment-decided', { decision: 'accepted' }), subject: { title: null, label: '3.' } };
    expect(notificationSentence(onParagraph, 'en')).toBe('Your amendment to paragraph 3 of “Paris Call” was accepted.');
    expect(notificationSentence(onParagraph, 'fr')).toBe('Votre amendement au paragraphe 3 de « Paris Call » a été accepté.');
    const onGroup = { ...base('join-request-decided', { decision: 'admitted' }), document: null };
    expect(notificationSentence(onGroup, 'fr')).toBe('Votre demande d’adhésion au groupe « Norms » a été acceptée.');
    expect(notificationSentence({ ...base('nominated'), document: null }, 'fr')).toBe('Ana Ruiz (Access Now, société civile) vous a proposé à la présidence du groupe « Norms ».');
    expect(notificationSentence(base('amendment-outdated'), 'fr')).toBe('Votre amendement à « Paris Call » est périmé : le paragraphe a changé depuis votre proposition.');
  });

  it('says followed activity in words, by action or by family', () => {
    expect(notificationSentence(base('followed-activity', { activity: 'comment.posted' }), 'en')).toBe('Ana Ruiz (Access Now, civil society) commented on “Paris Call”.');
    expect(notificationSentence(base('followed-activity', { activity: 'amendment.withdrawn' }), 'fr')).toBe('Ana Ruiz (Access Now, société civile) a agi sur un amendement à « Paris Call ».');
    const onParagraph = { ...base('followed-activity', { activity: 'clause.status-changed' }), subject: { title: null, label: '2.' } };
    expect(notificationSentence(onParagraph, 'en')).toBe('Ana Ruiz (Access Now, civil society) changed the status of paragraph 2 of “Paris Call”.');
    expect(notificationSentence(onParagraph, 'fr')).toBe('Ana Ruiz (Access Now, société civile) a changé le statut du paragraphe 2 de « Paris Call ».');
    expect(notificationSentence({ ...onParagraph, facts: { activity: 'amendment.proposed' } }, 'fr')).toBe('Ana Ruiz (Access Now, société civile) a proposé un amendement au paragraphe 2 de « Paris Call ».');
    expect(notificationSentence(base('followed-activity', { activity: 'something.new' }), 'en')).toBe('Ana Ruiz (Access Now, civil society) acted on “Paris Call”.');
  });

  it('puts codes in words: a ballot’s outcome, a disposition', () => {
    expect(notificationSentence(base('ballot-closed', { outcome: 'no-quorum' }), 'en')).toBe('The ballot “That the group meets in Geneva” closed: no quorum.');
    expect(notificationSentence(base('ballot-closed', { outcome: 'passed' }), 'fr')).toBe('Le scrutin « That the group meets in Geneva » est clos : adopté.');
    expect(notificationSentence(base('comment-disposed', { disposition: 'noted' }), 'fr')).toContain(': pris en note.');
  });
});
