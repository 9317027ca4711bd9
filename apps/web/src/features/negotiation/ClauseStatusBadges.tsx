import type { ClauseNegotiation, ClauseResponse } from '@parley/contracts';
import type { ClauseStatus } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { ToneBadge, type Tone } from '../documents/ToneBadge';
import { useFormatters } from '../../ui/useFormatters';

export const STATUS_TONES: Record<ClauseStatus, Tone> = { 'not-read': 'gray', 'under-negotiation': 'orange', 'informal-group': 'blue', agreed: 'green' };

/** A paragraph's negotiating status and its open ad refs, as badges on its row (nothing for headings). */
export function ClauseStatusBadges({ kind, negotiation: n }: { kind: ClauseResponse['kind']; negotiation: ClauseNegotiation | undefined }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (!n || kind === 'heading') return null;
  return (
    <>
      <ToneBadge tone={STATUS_TONES[n.status]} data-testid="clause-status" data-status={n.status}>
        {t(`clauseStatus.statuses.${n.status}`)}
        {n.status === 'agreed' && n.provisional ? ` · ${t('clauseStatus.provisionalBadge')}` : ''}
      </ToneBadge>
      {n.changedSinceAgreed ? (
        <ToneBadge tone="yellow" data-testid="changed-since-agreed">
          {t('clauseStatus.changedSinceAgreed')}
        </ToneBadge>
      ) : null}
      {n.adRefs.map((a) => (
        <ToneBadge key={a.id} tone="grape" data-testid="ad-ref-badge">
          {t('clauseStatus.adRefBy', { organisation: a.organisationName, date: f.date(a.expiresOn) })}
          {a.expiringSoon ? ` · ${t('clauseStatus.expiringSoon')}` : ''}
        </ToneBadge>
      ))}
    </>
  );
}
