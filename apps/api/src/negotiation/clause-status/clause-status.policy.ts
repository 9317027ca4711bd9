import { refusal, type Verdict } from '@parley/contracts';
import { adRefExpired, type AdRefEnding } from '@parley/domain';
import { canEdit, type DraftingStanding } from '../../drafting/drafting.policy';
import { canAct } from '../../policy/standing';

/**
 * Who may move a clause's status and agree ad ref (decision record 0032), as pure functions over the
 * actor's standing in the document's group, answering `true` or the refusal.
 * - A chair or rapporteur moves a clause's status (the drafting editors).
 * - A voting member, or a chair, agrees ad ref for their own delegation: the organisation of their
 *   current affiliation. Nobody records it for another delegation, a chair included: it is the
 *   delegation's word, pending its capital's.
 * - Only a current delegate of the same organisation, in the group, lifts or withdraws it.
 */
export const canSetClauseStatus = canEdit;

export function canAgreeAdRef(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership?.kind === 'member' || s.isChair ? true : refusal('members-only-ad-ref');
}

export interface AdRefFacts {
  organisationId: string;
  organisationName: string;
  expiresOn: string;
  ended: AdRefEnding | null;
}

export function canEndAdRef(s: DraftingStanding, adRef: AdRefFacts, ending: 'lifted' | 'withdrawn', now: Date): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  const inGroup = s.membership !== null || s.isChair;
  if (!inGroup || s.currentSnapshot?.organisationId !== adRef.organisationId) return refusal('ad-ref-other-delegation', { organisation: adRef.organisationName });
  if (adRef.ended) return refusal('ad-ref-ended', { ended: adRef.ended });
  if (ending === 'lifted' && adRefExpired(adRef.expiresOn, now)) return refusal('ad-ref-expired', { expiresOn: adRef.expiresOn });
  return true;
}
