import type { ClauseNegotiation, ClauseResponse } from '@parley/contracts';
import type { ClauseStatus } from '@parley/domain';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n';
import { TONES, type Tone } from '../documents/ToneBadge';
import './negotiation.css';

export const STATUS_TONES: Record<ClauseStatus, Tone> = { 'not-read': 'gray', 'under-negotiation': 'orange', 'informal-group': 'blue', agreed: 'green' };

/** A badge in one of the status tones, as plain markup: one or more on each of hundreds of rows. */
function Tag({ tone, children, testId, status }: { tone: Tone; children: ReactNode; testId: string; status?: string }) {
  const c = TONES[tone];
  return (
    <span className="negotiation-tag" style={{ background: c.bg, color: c.fg, borderColor: c.border }} data-testid={testId} data-status={status}>
      {children}
    </span>
  );
}

/**
 * A paragraph's negotiating status and its open ad refs, as badges on its row (nothing for headings).
 * A plain function of the row's own `t`, not a component with hooks of its own: it runs on each of
 * hundreds of rows.
 */
export function clauseStatusBadges(t: TFunction, lng: string, kind: ClauseResponse['kind'], n: ClauseNegotiation | undefined): ReactNode {
  // Not yet read is where every paragraph starts: no badge (the counts line says how many), only once it moved.
  if (!n || kind === 'heading' || (n.status === 'not-read' && n.adRefs.length === 0)) return null;
  return (
    <>
      {n.status === 'not-read' ? null : (
        <Tag tone={STATUS_TONES[n.status]} testId="clause-status" status={n.status}>
          {t(`clauseStatus.statuses.${n.status}`)}
          {n.status === 'agreed' && n.provisional ? ` · ${t('clauseStatus.provisionalBadge')}` : ''}
        </Tag>
      )}
      {n.changedSinceAgreed ? (
        <Tag tone="yellow" testId="changed-since-agreed">
          {t('clauseStatus.changedSinceAgreed')}
        </Tag>
      ) : null}
      {n.adRefs.map((a) => (
        <Tag key={a.id} tone="grape" testId="ad-ref-badge">
          {t('clauseStatus.adRefBy', { organisation: a.organisationName, date: formatDate(a.expiresOn, lng) })}
          {a.expiringSoon ? ` · ${t('clauseStatus.expiringSoon')}` : ''}
        </Tag>
      ))}
    </>
  );
}
