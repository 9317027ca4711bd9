import { createHash } from 'node:crypto';
import { canonicalJson, type AffiliationSnapshot, type Clause } from '@parley/domain';
import type { ActorRef, CommentResponse, DispositionReportEntry, PersonTranslation, VersionSummary } from '@parley/contracts';
import type { CommentRow } from './comment.repository';
import type { VersionRow } from './document.repository';

/** A stored clause row as the domain rules see it. */
export const toClause = (c: { clauseId: string; kind: Clause['kind']; text: string }): Clause => ({ id: c.clauseId, kind: c.kind, text: c.text });

export const actorRef = (id: string | null, name: string | null, snapshot: AffiliationSnapshot | null): ActorRef => ({ id, name, snapshot });

export const toVersionSummary = (v: VersionRow): VersionSummary => ({
  number: v.number,
  createdAt: v.createdAt.toISOString(),
  createdBy: actorRef(v.createdBy, v.authorName, v.authorSnapshot),
  adoptedAt: v.adoptedAt?.toISOString() ?? null,
  frozen: v.adoptedAt !== null,
  note: v.note,
  chairsText: v.chairsText && {
    label: v.chairsText.label,
    symbol: v.chairsText.symbol,
    standing: v.chairsText.standing,
    office: v.chairsText.office,
    penHolder: actorRef(v.chairsText.penHolderId, v.chairsText.penHolderName, v.chairsText.penHolderSnapshot),
  },
});

/** SHA-256 over the canonical JSON of a version's clauses: what the audit events pin a text by. */
export function textDigest(clauses: readonly Clause[]): string {
  return createHash('sha256')
    .update(canonicalJson(clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text }))))
    .digest('hex');
}

export function toCommentResponse(c: CommentRow, can: CommentResponse['can'], replies: CommentResponse[] = [], translations: PersonTranslation[] = []): CommentResponse {
  return {
    id: c.id,
    documentId: c.documentId,
    clauseId: c.clauseId,
    version: c.versionNumber,
    onEarlierText: c.onEarlierText,
    parentId: c.parentId,
    kind: c.kind,
    body: c.body,
    writtenLanguage: c.writtenLanguage,
    translations,
    quote: c.quote !== null && c.quoteStart !== null && c.quoteEnd !== null ? { text: c.quote, start: c.quoteStart, end: c.quoteEnd } : null,
    author: actorRef(c.authorId, c.authorName, c.authorSnapshot),
    mentions: c.mentions,
    createdAt: c.createdAt.toISOString(),
    disposition:
      c.disposition && c.dispositionReason && c.disposedAt
        ? { disposition: c.disposition, reason: c.dispositionReason, by: actorRef(c.disposedBy, c.disposerName, c.disposerSnapshot), at: c.disposedAt.toISOString() }
        : null,
    replies,
    can,
  };
}

export function toReportEntry(c: CommentRow, labels: Map<string, { label: string | null; position: number }>): DispositionReportEntry {
  const clause = labels.get(c.clauseId);
  const response = toCommentResponse(c, { reply: false, dispose: false, translate: false });
  return {
    commentId: c.id,
    parentId: c.parentId,
    clauseId: c.clauseId,
    clauseLabel: clause?.label ?? null,
    clausePosition: clause?.position ?? null,
    kind: c.kind,
    body: c.body,
    quote: c.quote,
    author: response.author,
    createdAt: response.createdAt,
    disposition: response.disposition,
    version: c.versionNumber,
    onEarlierText: c.onEarlierText,
  };
}
