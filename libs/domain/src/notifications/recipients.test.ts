import { excerptOf, onePerRecipient, recipientsOf, reminderDue } from './recipients';

describe('notification recipients', () => {
  it('never tells the actor of their own act, and tells each candidate once', () => {
    expect(recipientsOf(['ana', 'bo', 'ana', null, 'cy'], 'bo')).toEqual(['ana', 'cy']);
  });

  it('tells only the audience of what is not public (a members-only version)', () => {
    expect(recipientsOf(['member', 'outsider'], null, new Set(['member']))).toEqual(['member']);
  });

  it('gives each person one notification per act, the first kind winning, followed activity last', () => {
    const drafts = onePerRecipient([
      { kind: 'comment-reply', recipients: ['ana'], dedupeKey: 'wg:1#4', data: null },
      { kind: 'mentioned', recipients: ['ana', 'bo'], dedupeKey: 'wg:1#4', data: null },
      { kind: 'followed-activity', recipients: ['bo'], dedupeKey: 'wg:1#4', data: null },
    ]);
    expect(drafts.map((d) => [d.kind, d.recipients])).toEqual([
      ['comment-reply', ['ana']],
      ['mentioned', ['bo']],
    ]);
  });

  it('cuts a long comment at a word, with an ellipsis', () => {
    expect(excerptOf('short  and\nsweet')).toBe('short and sweet');
    const long = excerptOf('word '.repeat(60), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('reminders before a deadline', () => {
  const deadline = new Date('2026-12-10T12:00:00Z');
  const at = (h: number) => new Date(deadline.getTime() - h * 3600_000);
  it('reminds 24 h and 1 h before, the narrowest window first', () => {
    expect(reminderDue(at(72), deadline, at(25))).toBeNull();
    expect(reminderDue(at(72), deadline, at(23))).toBe('24h');
    expect(reminderDue(at(72), deadline, at(0.5))).toBe('1h');
    expect(reminderDue(at(72), deadline, at(-0.1))).toBeNull();
  });
  it('does not say "24 hours left" of something opened for less than that', () => {
    expect(reminderDue(at(10), deadline, at(9))).toBeNull();
    expect(reminderDue(at(10), deadline, at(0.9))).toBe('1h');
    expect(reminderDue(at(0.5), deadline, at(0.4))).toBeNull();
  });
  it('reminds only of the windows asked for', () => {
    expect(reminderDue(at(72), deadline, at(0.5), ['24h'])).toBe('24h');
  });
});
