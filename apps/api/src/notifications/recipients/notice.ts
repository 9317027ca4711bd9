import type { NotificationKind } from '@parley/domain';
import type { NotificationView, TypedAuditEvent } from '@parley/contracts';
import type { RecipientLookups } from '../recipient-lookups';

/** What `notifications.data` stores: the view without its row's own columns. */
export type NotificationData = Pick<NotificationView, 'group' | 'document' | 'link' | 'actor' | 'subject' | 'facts'>;

/** One kind of news an act brings, to its candidate recipients (the deriver filters them: actor, audience, once, preferences). */
export interface Notice {
  kind: NotificationKind;
  candidates: readonly (string | null | undefined)[];
  data: NotificationData;
  /** The version the act is about, when it has a document: a members-only one narrows who may be told. */
  version: number | null;
}

export interface NoticeOptions {
  documentId?: string | null;
  version?: number | null;
  link?: string;
  title?: string | null;
  label?: string | null;
  facts?: NotificationData['facts'];
}

export const links = {
  group: (id: string) => `/working-groups/${id}`,
  document: (id: string) => `/documents/${id}`,
  /** With its clause, the page opens that clause's threads at once. */
  comment: (documentId: string, commentId: string, clauseId?: string | null) => `/documents/${documentId}?${clauseId ? `clause=${clauseId}&` : ''}comment=${commentId}`,
  clause: (documentId: string, clauseId: string) => `/documents/${documentId}?clause=${clauseId}`,
  ballot: (id: string) => `/ballots/${id}`,
  focalPoints: () => `/focal-points`,
};

/** One committed event, with what every rule reads of it: the group of its chain, its actor, the lookups. */
export class EventContext {
  constructor(
    readonly event: TypedAuditEvent,
    readonly lookups: RecipientLookups,
    /** The working group of the event's chain (`wg:<id>`); null on the platform chain. */
    readonly groupId: string | null,
  ) {}

  get actorId(): string | null {
    return this.event.actorId;
  }

  async notice(kind: NotificationKind, candidates: readonly (string | null | undefined)[], o: NoticeOptions = {}): Promise<Notice> {
    const e = this.event;
    const group = this.groupId ? await this.lookups.group(this.groupId) : null;
    const doc = o.documentId ? await this.lookups.document(o.documentId) : null;
    return {
      kind,
      candidates,
      version: doc ? (o.version ?? null) : null,
      data: {
        group: group ? { id: group.id, name: group.name } : null,
        document: doc ? { id: doc.id, title: doc.title } : null,
        link: o.link ?? (doc ? links.document(doc.id) : group ? links.group(group.id) : '/'),
        actor: e.actorId || e.actorName ? { id: e.actorId, name: e.actorName, snapshot: e.actorSnapshot } : null,
        subject: { title: o.title ?? null, label: o.label ?? null },
        facts: o.facts ?? {},
      },
    };
  }
}
