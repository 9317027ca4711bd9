import { canonicalJson, MEMBERS_ONLY_MAX_DAYS, shortFingerprint } from '@parley/domain';
import type { VersionPublicationView, VersionSummary } from '@parley/contracts';
import type { TFunction } from 'i18next';

export { MEMBERS_ONLY_MAX_DAYS, shortFingerprint };

/** A publication instant as readers see it: the date and the time, in the reader's time zone. */
export function publicationMoment(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** A `datetime-local` value (the reader's time) as the ISO instant the API takes; null when empty or not a date. */
export function instantOfLocal(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The `datetime-local` value of an instant in the reader's time, to the minute. */
export function localOfInstant(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What a version list says of a version kept to members ("members only until 12 December 2026"); empty otherwise. */
export function publicationTag(t: TFunction, lng: string, v: Pick<VersionSummary, 'publication'>): string {
  const p = v.publication;
  return p && p.publishedAt === null ? ` · ${t('publication.tag', { date: publicationMoment(p.membersOnlyUntil, lng) })}` : '';
}

/**
 * Whether the text shown has the fingerprint recorded at issue: the SHA-256 of the canonical JSON of
 * its ordered clauses, computed here, in the reader's browser. Null where the browser cannot hash.
 */
export async function matchesFingerprint(
  publication: VersionPublicationView,
  clauses: readonly { id: string; kind: string; text: string }[],
): Promise<boolean | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const bytes = new TextEncoder().encode(canonicalJson(clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text }))));
  const digest = Array.from(new Uint8Array(await subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  return digest === publication.fingerprint;
}
