import type { AmendmentResponse, AmendmentStatusReason } from '@parley/contracts';
import type { TFunction } from 'i18next';
import { explainParts } from '../ballots/explanation';

/** Why an amendment is outdated or rejected, in the reader's language, from the reason's code and facts. */
export function statusReasonText(t: TFunction, lng: string, reason: AmendmentStatusReason): string {
  switch (reason.code) {
    case 'target-changed':
      return t('documents.amendments.statusReason.target-changed', { since: reason.params.since });
    case 'target-deleted':
      return t(reason.params.kind === 'insert' ? 'documents.amendments.statusReason.target-deleted-insert' : 'documents.amendments.statusReason.target-deleted', { since: reason.params.since });
    case 'not-applied':
      return t('documents.amendments.statusReason.not-applied', {
        version: reason.params.version,
        why: t(`documents.amendments.statusReason.notApplied.${reason.params.reason}`),
      });
    case 'competing-amendment-accepted': {
      const p = reason.params;
      const values = { label: p.clauseLabel ?? '', version: p.version, author: p.authorName, organisation: p.organisationName };
      return p.clauseLabel
        ? t('documents.amendments.statusReason.competing-amendment-accepted', values)
        : t('documents.amendments.statusReason.competing-amendment-accepted-unnumbered', values);
    }
    case 'version-adopted':
      return t('documents.amendments.statusReason.version-adopted', { version: reason.params.version });
    case 'merged-into':
      return t(reason.params.streamlined ? 'documents.amendments.statusReason.merged-into-streamlined' : 'documents.amendments.statusReason.merged-into', {
        ref: `A-${reason.params.amendmentId.slice(0, 6)}`,
      });
    case 'recommendation-adopted':
      return t('documents.amendments.statusReason.recommendation-adopted', { recommendation: t(`negotiation.recommendation.kinds.${reason.params.recommendation}`) });
    case 'ballot-failed':
      return t('documents.amendments.ballotSaid', { note: explainParts(t, lng, reason.params.explanationParts).join(' ') });
  }
}

/**
 * The note under an amendment's status: from its reason in machine form when the API gives one;
 * amendments decided before reasons were recorded keep their English note.
 */
export function amendmentStatusNote(t: TFunction, lng: string, a: Pick<AmendmentResponse, 'status' | 'statusNote' | 'statusReason'>): string | null {
  if (a.statusReason) return statusReasonText(t, lng, a.statusReason);
  if (!a.statusNote) return null;
  return a.status === 'rejected' ? t('documents.amendments.ballotSaid', { note: a.statusNote }) : a.statusNote;
}
