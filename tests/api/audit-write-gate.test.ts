import { parseAuditEvent } from '@parley/contracts';
import { PLATFORM_SCOPE } from '@parley/domain';
import { AuditedTransaction, type AuditActor, type Tx } from '../../apps/api/src/audit/audited-transaction';
import { startTestApp, type TestApp } from '../support/test-app';

const actor: AuditActor = { id: null, name: 'operator (test)', snapshot: null };

/**
 * The write gate takes only the catalogue's events: each `@ts-expect-error` below is a writer that
 * drifted from its action's schema, and `npm run typecheck` fails if any of them compiles (each
 * stays on the line its directive names: prettier-ignore).
 */
export function driftingWritersDoNotCompile(tx: Tx): void {
  // A key the schema requires is missing.
  // prettier-ignore
  // @ts-expect-error lobbyingRegisterId is missing
  void tx.record({ scope: PLATFORM_SCOPE, actor, action: 'organisation.created', subjectType: 'organisation', subjectId: 'o', change: { name: 'N', stakeholderGroup: 'civil-society', subtype: 'ngo', country: null } });
  // A key the schema does not know is added.
  // prettier-ignore
  void tx.record({ scope: PLATFORM_SCOPE, actor, action: 'organisation.verified', subjectType: 'organisation', subjectId: 'o', change: { name: 'N', stewardId: 's',
    // @ts-expect-error colour is not in organisation.verified's change
    colour: 'blue' } });
  // A null where the schema wants a value.
  // prettier-ignore
  // @ts-expect-error a refusal always has its reason
  void tx.record({ scope: PLATFORM_SCOPE, actor, action: 'affiliation.refused', subjectType: 'affiliation', subjectId: 'a', change: { personId: 'p', name: 'N', organisationId: 'o', organisationName: 'O', as: 'steward', reason: null } });
  // Another action's subject type.
  // prettier-ignore
  // @ts-expect-error a person is registered, not an organisation
  void tx.record({ scope: PLATFORM_SCOPE, actor, action: 'person.registered', subjectType: 'organisation', subjectId: 'p', change: { name: 'N', steward: false } });
  // An action the catalogue does not have.
  // @ts-expect-error no such action
  void tx.record({ scope: PLATFORM_SCOPE, actor, action: 'person.painted', subjectType: 'person', subjectId: 'p', change: {} });
  // A batch takes the union: each event is checked against its own action.
  void tx.recordAll([
    { scope: PLATFORM_SCOPE, actor, action: 'person.registered', subjectType: 'person', subjectId: 'p', change: { name: 'N', steward: false } },
    // @ts-expect-error person.made-steward says through what it was granted
    { scope: PLATFORM_SCOPE, actor, action: 'person.made-steward', subjectType: 'person', subjectId: 'p', change: { name: 'N' } },
  ]);
}

describe('the audit write gate', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('records a catalogue event that reads back typed, its change as written', async () => {
    const change = { name: 'Ana Ruiz', via: 'command-line' } as const;
    const event = await t.app
      .get(AuditedTransaction)
      .run((tx) => tx.record({ scope: PLATFORM_SCOPE, actor, action: 'person.made-steward', subjectType: 'person', subjectId: 'p-1', change }));
    const parsed = parseAuditEvent(event);
    expect(parsed.typed).toBe(true);
    expect(parsed.typed && parsed.event.action === 'person.made-steward' && parsed.event.change.via).toBe('command-line');
  });
});
