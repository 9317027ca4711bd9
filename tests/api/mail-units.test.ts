import { absolute, escapeHtml, renderDigest, renderImmediate, type MailNotification } from '../../apps/api/src/mail/mail-render';
import { readUnsubscribeToken, readVerificationToken, unsubscribeToken, verificationGenuine, verificationToken } from '../../apps/api/src/mail/mail-tokens';

const secret = 's'.repeat(40);
const ana = '11111111-2222-4333-8444-555555555555';
const links = { publicUrl: 'https://parley.example.org', unsubscribeToken: 'tok' };
const reader = { id: ana, name: 'Ana <Ruiz>', email: 'ana@example.org', language: 'fr' };
const n = (over: Partial<MailNotification> = {}): MailNotification => ({
  id: 'n1',
  kind: 'mentioned',
  link: '/documents/d1?comment=c1',
  data: { actor: { id: null, name: 'Bo "Li" & co', snapshot: null }, document: { id: 'd1', title: '<i>Paris</i>' }, facts: { excerpt: 'x' } },
  ...over,
});

describe('e-mail tokens', () => {
  it('reads back a genuine unsubscribe token and nothing altered, forged or for another secret', () => {
    const token = unsubscribeToken(secret, ana, 'mentioned');
    expect(readUnsubscribeToken(secret, token)).toEqual({ personId: ana, scope: 'mentioned' });
    expect(readUnsubscribeToken('t'.repeat(40), token)).toBeNull();
    expect(readUnsubscribeToken(secret, token.replace('.mentioned.', '.all.'))).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}x`)).toBeNull();
    expect(readUnsubscribeToken(secret, token.replace(ana, '66666666-7777-4888-9999-aaaaaaaaaaaa'))).toBeNull();
    expect(readUnsubscribeToken(secret, `${ana}.no-such-kind.${token.split('.')[2]}`)).toBeNull();
  });

  it('binds a verification token to the address it was sent to and to its expiry', () => {
    const until = new Date('2030-01-01T00:00:00Z');
    const token = verificationToken(secret, ana, 'ana@example.org', until);
    const read = readVerificationToken(token)!;
    expect(read.expiresAt).toEqual(until);
    expect(verificationGenuine(secret, read, 'ana@example.org')).toBe(true);
    expect(verificationGenuine(secret, read, 'other@example.org')).toBe(false);
    expect(verificationGenuine(secret, { ...read, expiresAt: new Date('2031-01-01T00:00:00Z') }, 'ana@example.org')).toBe(false);
    expect(readVerificationToken('not.a-token')).toBeNull();
  });
});

describe('rendering', () => {
  it('escapes what people typed in HTML and keeps links on Parley', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(absolute('https://p.org', '/documents/1')).toBe('https://p.org/documents/1');
    expect(absolute('https://p.org', '//evil.example/x')).toBe('https://p.org/');
    expect(absolute('https://p.org', 'javascript:alert(1)')).toBe('https://p.org/');
    const mail = renderImmediate(reader, n(), links);
    expect(mail.html).toContain('Bonjour Ana &lt;Ruiz&gt;,');
    expect(mail.html).toContain('Bo &quot;Li&quot; &amp; co vous a mentionné sur « &lt;i&gt;Paris&lt;/i&gt; »');
    expect(mail.html).not.toMatch(/<i>|<Ruiz>/);
    expect(mail.text).toContain('Bo "Li" & co vous a mentionné sur « <i>Paris</i> » : « x »');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@parley\.example\.org>$/);
  });

  it('counts what a long digest does not write out', () => {
    const items = Array.from({ length: 60 }, (_, i) => n({ id: `n${i}` }));
    const mail = renderDigest({ ...reader, language: 'en' }, 'weekly', items, links);
    expect(mail.subject).toBe('[Parley] Your weekly summary: 60 updates');
    expect(mail.text).toContain('…and 10 more in Parley.');
    expect(mail.text.match(/mentioned you/g)).toHaveLength(50);
  });
});
