import { mentionToken, mentionsIn, withoutMentionMarkup } from './mentions';
import { NOTIFICATION_KINDS, deliveryOf, preferencesOf } from './kinds';

const ana = '11111111-2222-4333-8444-555555555555';
const bo = '66666666-7777-4888-9999-aaaaaaaaaaaa';

describe('mentions', () => {
  it('finds each mentioned person once, with the name shown and where the token sits', () => {
    const text = `Thanks ${mentionToken('Ana Ruiz', ana)}, and ${mentionToken('Bo Li', bo)} — ${mentionToken('Ana', ana)} again`;
    const found = mentionsIn(text);
    expect(found.map((m) => [m.name, m.personId])).toEqual([
      ['Ana Ruiz', ana],
      ['Bo Li', bo],
    ]);
    expect(text.slice(found[0].start, found[0].end)).toBe(`@[Ana Ruiz](${ana})`);
  });

  it('ignores what only looks like a mention, and caps how many one comment may carry', () => {
    expect(mentionsIn('@[Ana](not-an-id) and @Ana and [x](y)')).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => mentionToken(`P${i}`, `${String(i).padStart(8, '0')}-2222-4333-8444-555555555555`)).join(' ');
    expect(mentionsIn(many, 20)).toHaveLength(20);
  });

  it('keeps a name with brackets from breaking the token, and reads as plain @Name', () => {
    const token = mentionToken('Ana [UK] Ruiz', ana);
    expect(mentionsIn(token)[0].name).toBe('Ana UK Ruiz');
    expect(withoutMentionMarkup(`hi ${token}!`)).toBe('hi @Ana UK Ruiz!');
  });
});

describe('notification preferences', () => {
  it('gives every kind a preference, stored ones first-class, defaults for the rest', () => {
    const prefs = preferencesOf([{ kind: 'mentioned', inApp: false, email: 'weekly' }]);
    expect(prefs).toHaveLength(NOTIFICATION_KINDS.length);
    expect(prefs.find((p) => p.kind === 'mentioned')).toEqual({ kind: 'mentioned', inApp: false, email: 'weekly' });
    expect(prefs.find((p) => p.kind === 'ballot-opened')).toEqual({ kind: 'ballot-opened', inApp: true, email: 'immediately' });
  });

  it('does not deliver a kind someone wants neither in the centre nor by e-mail', () => {
    expect(deliveryOf({ kind: 'mentioned', inApp: false, email: 'never' })).toBeNull();
    expect(deliveryOf({ kind: 'mentioned', inApp: false, email: 'daily' })).toEqual({ inApp: false, email: 'daily' });
  });
});
