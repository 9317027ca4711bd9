import { randomUUID } from 'node:crypto';
import { directionOf, notificationLanguageOf, notificationSentence, type NotificationLanguage, type NotificationView } from '@parley/contracts';
import type { NotificationKind } from '@parley/domain';
import { mailWords, type MailWords } from './mail-catalogue';

/** A notification as mail reads it: its kind and link columns, and the view its `data` stores. */
export interface MailNotification {
  id: string;
  kind: NotificationKind;
  link: string;
  data: Partial<Pick<NotificationView, 'group' | 'document' | 'actor' | 'subject' | 'facts'>>;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  language: string;
}

/** What a delivery stores: rendered once, sent as is (a retry sends the very same message). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
  language: NotificationLanguage;
}

export interface MailLinks {
  publicUrl: string;
  /** The one-click (RFC 8058) and visible unsubscribe links for a token. */
  unsubscribeToken: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Names, titles and excerpts are what people typed: always escaped in HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A web path made absolute to where people open Parley; anything but a path stays on Parley's home. */
export const absolute = (publicUrl: string, path: string): string => `${publicUrl}${path.startsWith('/') && !path.startsWith('//') ? path : '/'}`;

export const messageIdFor = (publicUrl: string): string => `<${randomUUID()}@${new URL(publicUrl).hostname || 'parley.localhost'}>`;

export const sentenceOf = (n: MailNotification, lang: string): string =>
  notificationSentence(
    {
      kind: n.kind,
      group: n.data.group ?? null,
      document: n.data.document ?? null,
      actor: n.data.actor ?? null,
      subject: n.data.subject ?? { title: null, label: null },
      facts: n.data.facts ?? {},
    },
    lang,
  );

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The frame every message shares: greeting, body, the footer with preferences and the visible unsubscribe link. */
function frame(w: MailWords, r: Recipient, links: MailLinks, unsubscribeLabel: string, body: { text: string[]; html: string[] }) {
  const prefs = absolute(links.publicUrl, '/me/notifications');
  const visible = `${links.publicUrl}/unsubscribe?token=${encodeURIComponent(links.unsubscribeToken)}`;
  const text = [w.hello(r.name), '', ...body.text, '', '—', w.footerWhy, `${w.preferences}: ${prefs}`, `${unsubscribeLabel}: ${visible}`, ''].join('\n');
  const html = [
    `<!doctype html><html lang="${w.lang}" dir="${directionOf(w.lang)}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">`,
    `<p>${escapeHtml(w.hello(r.name))}</p>`,
    ...body.html,
    `<hr><p style="font-size:12px;color:#555">${escapeHtml(w.footerWhy)}<br>`,
    `<a href="${escapeHtml(prefs)}">${escapeHtml(w.preferences)}</a> · <a href="${escapeHtml(visible)}">${escapeHtml(unsubscribeLabel)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

function envelope(links: MailLinks, lang: NotificationLanguage, subject: string, parts: { text: string; html: string }): RenderedMail {
  const oneClick = `${links.publicUrl}/api/unsubscribe?token=${encodeURIComponent(links.unsubscribeToken)}`;
  return {
    subject,
    ...parts,
    language: lang,
    messageId: messageIdFor(links.publicUrl),
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** One notification, sent as soon as it happens. */
export function renderImmediate(r: Recipient, n: MailNotification, links: MailLinks): RenderedMail {
  const lang = notificationLanguageOf(r.language);
  const w = mailWords(lang);
  const sentence = sentenceOf(n, lang);
  const link = absolute(links.publicUrl, n.link);
  const parts = frame(w, r, links, w.unsubscribeKind, {
    text: [sentence, '', `${w.open}: ${link}`],
    html: [`<p>${escapeHtml(sentence)}</p>`, `<p><a href="${escapeHtml(link)}">${escapeHtml(w.open)}</a></p>`],
  });
  return envelope(links, lang, cut(w.immediateSubject(sentence), 200), parts);
}

/** At most this many items are written out in one digest; the rest are counted. */
export const DIGEST_MAX_ITEMS = 50;

/** A digest: the notifications grouped by group, then document, in time order within each. */
export function renderDigest(r: Recipient, period: 'daily' | 'weekly', items: readonly MailNotification[], links: MailLinks): RenderedMail {
  const lang = notificationLanguageOf(r.language);
  const w = mailWords(lang);
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const sections = new Map<string, { title: string; docs: Map<string, { title: string | null; items: MailNotification[] }> }>();
  for (const n of shown) {
    const gKey = n.data.group?.id ?? '';
    const section = sections.get(gKey) ?? { title: n.data.group?.name ?? w.elsewhere, docs: new Map() };
    sections.set(gKey, section);
    const dKey = n.data.document?.id ?? '';
    const doc = section.docs.get(dKey) ?? { title: n.data.document?.title ?? null, items: [] };
    section.docs.set(dKey, doc);
    doc.items.push(n);
  }
  const text: string[] = [w.digestHeading(period), ''];
  const html: string[] = [`<h2 style="font-size:18px">${escapeHtml(w.digestHeading(period))}</h2>`];
  for (const s of sections.values()) {
    text.push(`## ${s.title}`);
    html.push(`<h3 style="font-size:16px;margin-bottom:4px">${escapeHtml(s.title)}</h3>`);
    for (const d of s.docs.values()) {
      if (d.title) {
        text.push(`### ${d.title}`);
        html.push(`<h4 style="font-size:14px;margin:8px 0 4px">${escapeHtml(d.title)}</h4>`);
      }
      html.push('<ul>');
      for (const n of d.items) {
        const sentence = sentenceOf(n, lang);
        const link = absolute(links.publicUrl, n.link);
        text.push(`- ${sentence}`, `  ${link}`);
        html.push(`<li>${escapeHtml(sentence)} <a href="${escapeHtml(link)}">${escapeHtml(w.open)}</a></li>`);
      }
      html.push('</ul>');
    }
    text.push('');
  }
  if (items.length > shown.length) {
    text.push(w.digestMore(items.length - shown.length));
    html.push(`<p>${escapeHtml(w.digestMore(items.length - shown.length))}</p>`);
  }
  const parts = frame(w, r, links, w.unsubscribeAll, { text, html });
  return envelope(links, lang, w.digestSubject(period, items.length), parts);
}

/** The link that confirms an address; the only mail sent to an unverified one. */
export function renderVerification(r: Recipient, token: string, links: MailLinks): RenderedMail {
  const lang = notificationLanguageOf(r.language);
  const w = mailWords(lang);
  const link = `${links.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
  const parts = frame(w, r, links, w.unsubscribeAll, {
    text: [w.verifyBody(r.email), '', `${w.verifyAction}: ${link}`, '', w.verifyIgnore],
    html: [
      `<p>${escapeHtml(w.verifyBody(r.email))}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(w.verifyAction)}</a></p>`,
      `<p>${escapeHtml(w.verifyIgnore)}</p>`,
    ],
  });
  return envelope(links, lang, w.verifySubject, parts);
}
