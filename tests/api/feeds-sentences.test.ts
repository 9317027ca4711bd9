import { AUDIT_ACTIONS } from '@parley/contracts';
import type { AffiliationSnapshot } from '@parley/domain';
import { feedSentence, NOT_IN_FEEDS, type FeedAct } from '../../apps/api/src/feeds/feed-sentences';
import { renderAtom, xmlEscape } from '../../apps/api/src/feeds/atom';
import { isPlatformAct } from '../support/platform-acts';

const snapshot = { organisationName: 'Access Now', stakeholderGroup: 'civil-society' } as AffiliationSnapshot;
const act = (action: string, over: Partial<FeedAct> = {}): FeedAct => ({
  action,
  actorName: 'Ana Ruiz',
  actorSnapshot: snapshot,
  groupName: 'Norms',
  documentTitle: 'Paris Call',
  versionNumber: 2,
  ...over,
});


describe('feed sentences (issue #20)', () => {
  it('says every act of a group’s chain in English and French, with nothing left unfilled', () => {
    const unmapped: string[] = [];
    for (const action of AUDIT_ACTIONS.filter((a) => !isPlatformAct(a) && !NOT_IN_FEEDS(a)))
      for (const lang of ['en', 'fr'] as const) {
        const s = feedSentence(act(action), lang);
        expect(s).not.toMatch(/[{}]/);
        if (s.includes(' — ')) unmapped.push(`${action} (${lang})`);
      }
    expect(unmapped).toEqual([]);
  });

  it('names the actor with organisation and stakeholder group, the act and the subject', () => {
    expect(feedSentence(act('version.adopted'), 'en')).toBe('Ana Ruiz (Access Now, civil society) recorded the adoption of version 2 of “Paris Call”');
    expect(feedSentence(act('version.adopted'), 'fr')).toBe('Ana Ruiz (Access Now, société civile) a enregistré l’adoption de la version 2 de « Paris Call »');
    expect(feedSentence(act('ballot.closed', { actorName: null, actorSnapshot: null }), 'en')).toBe('Parley (automatically) closed a ballot in “Norms”');
    expect(feedSentence(act('comment.posted', { documentTitle: null }), 'en')).toBe('Ana Ruiz (Access Now, civil society) commented on “Norms”');
  });

  it('reads an act it does not know through the fallback', () => {
    expect(feedSentence(act('gavel.struck'), 'en')).toBe('Ana Ruiz (Access Now, civil society) — gavel struck (“Norms”)');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape(`a & <b> "c" 'd' \u0001e`)).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos; e');
    const xml = renderAtom({ id: 'urn:x', title: 'T <1>', link: 'http://x/?a=1&b=2', self: 'http://x/f', lang: 'en', updated: new Date(0), entries: [] });
    expect(xml).toContain('<title type="text">T &lt;1&gt;</title>');
    expect(xml).toContain('href="http://x/?a=1&amp;b=2"');
    expect(xml).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  });
});
