import type { z } from 'zod';
import type { AuditEvent } from '@parley/domain';
import { AFFILIATION_CONFIRMATION_EVENTS } from './affiliation-confirmation';
import { CHAIR_EVENTS } from './chairs';
import { DECISION_EVENTS } from './decisions';
import type { CatalogueEntry } from './define';
import { DRAFTING_EVENTS } from './drafting';
import { ENDORSEMENT_EVENTS } from './endorsements';
import { NEGOTIATION_STREAMLINING_EVENTS } from './negotiation-streamlining';
import { CHAIRS_TEXT_EVENTS } from './negotiation-chairs-texts';
import { IDENTITY_EVENTS } from './identity';
import { IDENTITY_PROVIDER_EVENTS } from './identity-providers';
import { NEGOTIATION_BRACKET_EVENTS } from './negotiation-brackets';
import { ORGANISATION_EVENTS } from './organisations';
import { WORKING_GROUP_EVENTS } from './working-groups';
import { CLAUSE_STATUS_EVENTS } from './negotiation-clause-status';
import { EXPLANATION_EVENTS } from './procedures-explanations';
import { ACCREDITATION_EVENTS } from './procedures-accreditation';
import { PROXY_EVENTS } from './procedures-proxies';
import { SILENCE_EVENTS } from './procedures-silence';
import { PROCEDURES_DIVISION_EVENTS } from './procedures-division';
import { PUBLICATION_EVENTS } from './procedures-publication';
import { MEETING_EVENTS } from './meetings';
import { LANGUAGE_VERSION_EVENTS } from './language-versions';
import { SESSION_EVENTS } from './sessions';
import { TWO_FACTOR_EVENTS } from './two-factor';

/**
 * The audit-event catalogue: every action the platform records, `<resource>.<past-tense verb>`,
 * with its subject type and the schema of its change. The write gate takes only these (a change
 * with a missing or unknown key does not compile), the log is read through them, and live pushes
 * and the web's sentences switch on them. Never rename an action once shipped.
 */
export const AUDIT_CATALOGUE = {
  ...IDENTITY_EVENTS,
  ...ORGANISATION_EVENTS,
  ...AFFILIATION_CONFIRMATION_EVENTS,
  ...IDENTITY_PROVIDER_EVENTS,
  ...WORKING_GROUP_EVENTS,
  ...CHAIR_EVENTS,
  ...DECISION_EVENTS,
  ...DRAFTING_EVENTS,
  ...ENDORSEMENT_EVENTS,
  ...NEGOTIATION_BRACKET_EVENTS,
  ...NEGOTIATION_STREAMLINING_EVENTS,
  ...CLAUSE_STATUS_EVENTS,
  ...CHAIRS_TEXT_EVENTS,
  ...EXPLANATION_EVENTS,
  ...ACCREDITATION_EVENTS,
  ...PROXY_EVENTS,
  ...SILENCE_EVENTS,
  ...PROCEDURES_DIVISION_EVENTS,
  ...PUBLICATION_EVENTS,
  ...MEETING_EVENTS,
  ...LANGUAGE_VERSION_EVENTS,
  ...SESSION_EVENTS,
  ...TWO_FACTOR_EVENTS,
} as const;

type Catalogue = typeof AUDIT_CATALOGUE;
export type AuditAction = keyof Catalogue;
/** Every action, used as audit action and socket event name alike. */
export const AUDIT_ACTIONS = Object.keys(AUDIT_CATALOGUE) as readonly AuditAction[];

export type AuditSubjectTypeOf<A extends AuditAction> = Catalogue[A]['subjectType'];
export type AuditSubjectType = AuditSubjectTypeOf<AuditAction>;
export type AuditChange<A extends AuditAction> = z.infer<Catalogue[A]['change']>;

/** One event of action `A` as stored, its change typed by the catalogue. */
export type AuditEventOf<A extends AuditAction> = Omit<AuditEvent, 'action' | 'subjectType' | 'change'> & {
  action: A;
  subjectType: AuditSubjectTypeOf<A>;
  change: AuditChange<A>;
};
/** Each action's typed event, by action: `TypedAuditEvents['vote.cast']`. */
export type TypedAuditEvents = { [A in AuditAction]: AuditEventOf<A> };
/** Any typed event: switch on `action` to read its change. */
export type TypedAuditEvent = TypedAuditEvents[AuditAction];

export type ParsedAuditEvent =
  /** `earlierShape`: the row was written in an earlier shape of its action (named in the catalogue), read in today's; its stored change is unchanged. */
  | { typed: true; event: TypedAuditEvent; earlierShape?: string }
  /** A row the catalogue cannot read (an action or a shape it does not know, or a change the public log withholds): kept as stored. */
  | { typed: false; event: AuditEvent; why: 'unknown-action' | 'other-subject-type' | 'withheld' | 'change-does-not-match' };

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_CATALOGUE, action);

/** Reads a stored (or served) event through the catalogue; never throws. */
export function parseAuditEvent(event: AuditEvent): ParsedAuditEvent {
  if (!isAuditAction(event.action)) return { typed: false, event, why: 'unknown-action' };
  const entry: CatalogueEntry = AUDIT_CATALOGUE[event.action];
  if (event.subjectType !== entry.subjectType) return { typed: false, event, why: 'other-subject-type' };
  if (event.withheld !== undefined) return { typed: false, event, why: 'withheld' };
  // Checked: the action is the catalogue's, with its subject type and a change its schema accepts.
  if (entry.change.safeParse(event.change).success) return { typed: true, event: event as TypedAuditEvent };
  for (const shape of entry.earlier) {
    const change = shape.read(event.change);
    if (change !== null) return { typed: true, event: { ...event, change } as TypedAuditEvent, earlierShape: `${event.action} until ${shape.until}` };
  }
  return { typed: false, event, why: 'change-does-not-match' };
}
