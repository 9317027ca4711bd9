import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '@parley/domain';
import {
  ALL_AUDIT_SCOPES,
  auditEventApi,
  auditEventPage,
  type AuditEventDetailResponse,
  type AuditEventLink,
  type AuditEventLinks,
  type AuditLogQuery,
  type AuditLogResponse,
} from '@parley/contracts';
import { cursorCodec } from '../platform/http/cursor';
import { refuse, validationProblem } from '../platform/http/problem';
import { AuditDisclosure } from './audit-disclosure';
import { AuditRepository, type AuditPosition, type AuditSearch } from './audit.repository';

const DAY_MS = 86_400_000;
const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** A date is a whole UTC day (`to` included); a date and time is an instant. */
function bounds(q: Pick<AuditLogQuery, 'from' | 'to'>): { from?: Date; before?: Date } {
  const from = q.from ? new Date(isDateOnly(q.from) ? `${q.from}T00:00:00.000Z` : q.from) : undefined;
  const to = q.to ? new Date(isDateOnly(q.to) ? `${q.to}T00:00:00.000Z` : q.to) : undefined;
  const before = to ? new Date(to.getTime() + (isDateOnly(q.to!) ? DAY_MS : 1)) : undefined;
  if (from && before && from.getTime() >= before.getTime()) throw validationProblem('to', 'range-end-before-start');
  return { from, before };
}

const auditCursor = cursorCodec({ occurredAt: 'instant', scope: 'text', sequence: 'sequence' });

export const linkTo = (scope: string, sequence: number, hash: string): AuditEventLink => ({
  scope,
  sequence,
  hash,
  page: auditEventPage(scope, sequence),
  api: auditEventApi(scope, sequence),
});

/** Where an event and the one its previous hash names live (the chain's sequence before it). */
export function linksOf(e: AuditEvent): AuditEventLinks {
  return {
    page: auditEventPage(e.scope, e.sequence),
    api: auditEventApi(e.scope, e.sequence),
    previous: e.sequence > 1 ? linkTo(e.scope, e.sequence - 1, e.previousHash) : null,
  };
}

/** The public audit log: filtered pages and single events, each with the links a reader follows along the chain. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly disclosure: AuditDisclosure,
  ) {}

  async list(q: AuditLogQuery): Promise<AuditLogResponse> {
    const scope = q.scope === ALL_AUDIT_SCOPES ? null : q.scope;
    let after: AuditPosition | null = auditCursor.decode(q.cursor);
    if (!after && q.after && scope) after = { occurredAt: new Date(0).toISOString(), scope, sequence: q.after };
    const action = q.action
      ? q.action.includes('.') && !q.action.endsWith('.*')
        ? { exact: q.action }
        : { prefix: `${q.action.replace(/\.\*$/, '')}.` }
      : undefined;
    const search: AuditSearch = { scope, actorId: q.actor, organisationId: q.organisation, action, ...bounds(q), order: q.order, after, limit: q.limit + 1 };
    const page = auditCursor.page(await this.audit.search(search), q.limit, (last) => last);
    const items = await this.disclosure.disclose(page.items);
    return { items, links: items.map(linksOf), nextCursor: page.nextCursor };
  }

  async event(scope: string, sequence: number): Promise<AuditEventDetailResponse> {
    const [found, following] = await Promise.all([this.audit.findOne(scope, sequence), this.audit.findOne(scope, sequence + 1)]);
    if (!found) throw refuse('audit-event-not-found', { sequence: String(sequence), scope });
    const [event] = await this.disclosure.disclose([found]);
    return { event, links: linksOf(event), next: following ? linkTo(scope, following.sequence, following.hash) : null };
  }
}
