import type { AuditAction, AuditChange } from './catalogue';

/** What an event is about besides its own subject: the document and ballot whose rooms show it, and the other ids it names. */
export interface EventSubjects {
  documentId: string | null;
  ballotId: string | null;
  /** People, threads and nominations the event names (a reader's cache of them is stale). */
  others: string[];
}

const only = (documentId: string | null, ballotId: string | null, ...others: (string | null)[]): EventSubjects => ({
  documentId,
  ballotId,
  others: others.filter((o): o is string => o !== null),
});

/** What subjectsOf reads of an event, stored or pushed live: its action, subject and change, which go together by action. */
export type EventAbout = { [A in AuditAction]: { action: A; subjectId: string; change: AuditChange<A> } }[AuditAction];

/** Exhaustive over the catalogue: a new action does not compile until it says what it is about. */
export function subjectsOf(e: EventAbout): EventSubjects {
  switch (e.action) {
    case 'person.registered':
    case 'person.made-steward':
    case 'person.sessions-ended':
    case 'organisation.created':
    case 'organisation.verified':
    case 'affiliation.added':
    case 'affiliation.ended':
    case 'affiliation.made-primary':
    case 'declaration.added':
    case 'working-group.created':
    case 'working-group.rules-changed':
    case 'working-group.authentic-languages-changed':
    case 'two-factor.enabled':
    case 'two-factor.recovery-codes-regenerated':
    case 'two-factor.disabled':
    case 'two-factor.recovery-code-used':
    case 'two-factor.locked':
    case 'two-factor.reset-by-steward':
    case 'working-group.chairs-two-factor-set':
    case 'identity-provider.registered':
    case 'identity-provider.updated':
    case 'identity-provider.linked':
    case 'identity-provider.unlinked':
      return only(null, null);
    case 'focal-point.appointed':
    case 'focal-point.appointment-ended':
    case 'affiliation.confirmed':
    case 'affiliation.refused':
    case 'affiliation.confirmation-ended':
    case 'membership.requested':
    case 'membership.admitted':
    case 'membership.refused':
    case 'membership.request-withdrawn':
    case 'membership.left':
    case 'membership.removed':
    case 'role.changed':
    case 'chair.resigned':
    case 'chair.imported':
    case 'join-request.circulated':
      return only(null, null, e.change.personId);
    case 'join-request.objection-raised':
    case 'join-request.objection-withdrawn':
      return only(null, null, e.change.applicantId, e.change.personId, e.change.requestId);
    case 'chair.nominated':
    case 'chair.nomination-declined':
    case 'chair.nomination-withdrawn':
      return only(null, null, e.change.nomineeId);
    case 'chair.nomination-accepted':
    case 'chair.rejected':
      return only(null, e.change.ballotId, e.change.nomineeId);
    case 'chair.confirmed':
      return only(null, e.change.ballotId, e.change.personId, e.change.nominationId);
    case 'chair.removal-proposed':
    case 'chair.removed':
    case 'chair.removal-failed':
      return only(null, e.change.ballotId, e.change.personId);
    case 'ballot.opened':
    case 'ballot.closed':
    case 'vote.cast':
    case 'vote.changed':
      return only(null, e.subjectId);
    case 'document.created':
      return only(e.subjectId, null);
    case 'comment.posted':
      return only(e.change.documentId, null, e.change.parentId);
    case 'version.created':
    case 'version.chairs-text-issued':
    case 'version.published':
    case 'comment.disposed':
    case 'comment.translated':
    case 'amendment.proposed':
    case 'amendment.rationale-translated':
    case 'amendment.cosponsored':
    case 'amendment.cosponsorship-withdrawn':
    case 'amendment.withdrawn':
    case 'amendment.outdated':
    case 'endorsement.made':
    case 'endorsement.withdrawn':
    case 'bracket.opened':
    case 'bracket.option-proposed':
    case 'bracket.removed':
    case 'bracket.choice-consolidated':
    case 'clause.status-changed':
    case 'clause.ad-ref-agreed':
    case 'clause.ad-ref-lifted':
    case 'clause.ad-ref-withdrawn':
      return only(e.change.documentId, null);
    case 'translation.saved':
    case 'document.original-language-changed':
    case 'explanation.placed':
      return only(e.change.documentId, null);
    case 'amendment.streamlined':
    case 'bracket.options-streamlined':
    case 'amendment.recommendation-given':
      return only(e.change.documentId, null);
    case 'amendment.merged':
    case 'recommendations.put-to-ballot':
    case 'recommendations.decided':
      return only(e.change.documentId, e.change.ballotId);
    case 'proxy.given':
      return only(null, e.change.ballotId, e.change.grantor.id, e.change.holder.id);
    case 'proxy.revoked':
    case 'proxy.ended':
      return only(null, e.change.ballotId, e.change.grantorId, e.change.holderId);
    case 'division.requested':
    case 'division.declined':
    case 'voting-order.set':
    case 'last-call.opened':
      return only(e.change.documentId, null);
    case 'division.put-to-ballot':
    case 'division.decided':
    case 'division.applied':
      return only(e.change.documentId, e.change.ballotId);
    case 'version.adopted':
      return only(e.change.documentId, 'ballotId' in e.change ? e.change.ballotId : null);
    case 'silence.started':
    case 'silence.objection-raised':
    case 'silence.withdrawn':
    case 'silence.passed':
      return only(e.change.documentId, null);
    case 'amendment.accepted':
    case 'amendment.rejected':
      return only(e.change.documentId, e.change.ballotId);
    // Meetings show in their own room (`meeting:<id>`, their subject); these name who spoke or attended.
    case 'meeting.scheduled':
    case 'meeting.details-changed':
    case 'meeting.agenda-set':
    case 'meeting.opened':
    case 'meeting.item-taken-up':
    case 'meeting.closed':
      return only(null, null);
    case 'meeting.attendance-recorded':
      return only(null, null, e.change.attendee.id);
    case 'meeting.floor-requested':
    case 'meeting.floor-withdrawn':
    case 'meeting.floor-given':
    case 'meeting.floor-ended':
      return only(null, null, e.change.speaker.id, e.change.requestId);
    case 'meeting.report-drafted':
      return only(e.change.documentId, null);
    default:
      return unreachable(e);
  }
}

/** The `default` of an exhaustive switch over the catalogue's actions. */
export function unreachable(e: never): never {
  throw new Error(`An action the catalogue does not know: ${(e as { action?: unknown }).action}`);
}
