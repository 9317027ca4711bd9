import { AFFILIATION_CONFIRMATION_EVENTS } from './affiliation-confirmation';
import { AUDIT_ACTIONS, AUDIT_CATALOGUE, parseAuditEvent } from './catalogue';
import { CHAIR_EVENTS } from './chairs';
import { DECISION_EVENTS } from './decisions';
import { DRAFTING_EVENTS } from './drafting';
import { ENDORSEMENT_EVENTS } from './endorsements';
import { IDENTITY_EVENTS } from './identity';
import { NEGOTIATION_BRACKET_EVENTS } from './negotiation-brackets';
import { NEGOTIATION_STREAMLINING_EVENTS } from './negotiation-streamlining';
import { CHAIRS_TEXT_EVENTS } from './negotiation-chairs-texts';
import { PROXY_EVENTS } from './procedures-proxies';
import { ORGANISATION_EVENTS } from './organisations';
import { WORKING_GROUP_EVENTS } from './working-groups';
import { CLAUSE_STATUS_EVENTS } from './negotiation-clause-status';
import { EXPLANATION_EVENTS } from './procedures-explanations';
import { ACCREDITATION_EVENTS } from './procedures-accreditation';
import { SILENCE_EVENTS } from './procedures-silence';
import { PROCEDURES_DIVISION_EVENTS } from './procedures-division';
import { PUBLICATION_EVENTS } from './procedures-publication';
import { MEETING_EVENTS } from './meetings';
import { LANGUAGE_VERSION_EVENTS } from './language-versions';
import { SESSION_EVENTS } from './sessions';
import { IDENTITY_PROVIDER_EVENTS } from './identity-providers';
import { TWO_FACTOR_EVENTS } from './two-factor';

const CONTEXTS = [
  IDENTITY_EVENTS,
  ORGANISATION_EVENTS,
  AFFILIATION_CONFIRMATION_EVENTS,
  WORKING_GROUP_EVENTS,
  CHAIR_EVENTS,
  DECISION_EVENTS,
  DRAFTING_EVENTS,
  ENDORSEMENT_EVENTS,
  NEGOTIATION_BRACKET_EVENTS,
  NEGOTIATION_STREAMLINING_EVENTS,
  CLAUSE_STATUS_EVENTS,
  EXPLANATION_EVENTS,
  CHAIRS_TEXT_EVENTS,
  ACCREDITATION_EVENTS,
  PROXY_EVENTS,
  SILENCE_EVENTS,
  PROCEDURES_DIVISION_EVENTS,
  PUBLICATION_EVENTS,
  MEETING_EVENTS,
  LANGUAGE_VERSION_EVENTS,
  SESSION_EVENTS,
  IDENTITY_PROVIDER_EVENTS,
  TWO_FACTOR_EVENTS,
];

describe('the audit-event catalogue', () => {
  it('defines each action once, in one context (a second definition would silently replace the first)', () => {
    const names = CONTEXTS.flatMap((c) => Object.keys(c));
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('names every action `<resource>.<past-tense verb>`', () => {
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
  });

  it('reads the three shapes of a vote, and nothing in between', () => {
    const counted = { organisationId: 'o1', stakeholderGroup: 'government' };
    const vote = (change: Record<string, unknown>) =>
      parseAuditEvent({
        scope: 'wg:g',
        sequence: 1,
        occurredAt: '2026-01-01T00:00:00.000Z',
        actorId: 'p',
        actorName: 'P',
        actorSnapshot: null,
        action: 'vote.cast',
        subjectType: AUDIT_CATALOGUE['vote.cast'].subjectType,
        subjectId: 'b',
        change,
        changeDigest: '',
        previousHash: '',
        hash: '',
      }).typed;
    expect(vote({ choice: 'yes', reason: null, changes: 0, countedUnder: counted })).toBe(true);
    expect(vote({ choice: 'no', reason: 'Vague', changes: 1, countedUnder: counted, nonce: 'n' })).toBe(true);
    expect(vote({ commitment: 'c', commitmentScheme: 's', changes: 0, countedUnder: counted })).toBe(true);
    expect(vote({ commitment: 'c', commitmentScheme: 's', changes: 0, countedUnder: counted, choice: 'yes' })).toBe(false);
    expect(vote({ choice: 'maybe', reason: null, changes: 0, countedUnder: counted })).toBe(false);
  });

  it('reads a group convened before affiliation confirmation, in today’s shape, naming the earlier one; its stored change is untouched', () => {
    const snapshot = {
      affiliationId: 'a',
      organisationId: 'o',
      organisationName: 'O',
      stakeholderGroup: 'government',
      subtype: 'national',
      country: null,
      title: 'T',
      organisationVerified: false,
    };
    const before = {
      name: 'G',
      mandate: 'M',
      joinPolicy: 'approval',
      decisionRules: {
        amendment: 'majority',
        adoption: 'supermajority',
        'chair-confirmation': 'majority',
        'chair-removal': 'supermajority',
        motion: 'majority',
      },
      quorum: 0,
      quorumPerStakeholderGroup: false,
      caps: { maxStakeholderGroupShare: null, maxVotingMembersPerOrganisation: null },
      convener: { personId: 'p', name: 'P', snapshot },
    };
    const stored = {
      scope: 'wg:g',
      sequence: 1,
      occurredAt: '2026-11-30T00:00:00.000Z',
      actorId: 'p',
      actorName: 'P',
      actorSnapshot: null,
      action: 'working-group.created',
      subjectType: 'working-group',
      subjectId: 'g',
      change: before,
      changeDigest: '',
      previousHash: '',
      hash: '',
    };
    const parsed = parseAuditEvent(stored);
    expect(parsed).toMatchObject({
      typed: true,
      earlierShape: 'working-group.created until eb02291 (2026-12-05)',
      event: { change: { ...before, requiresConfirmedAffiliations: false } },
    });
    expect(stored.change).toBe(before);
    expect(before).not.toHaveProperty('requiresConfirmedAffiliations');
  });
});
