import { Injectable } from '@nestjs/common';
import { PLATFORM_SCOPE } from '@parley/domain';
import type { MeResponse, RegisterRequest } from '@parley/contracts';
import { AuditedTransaction, Tx } from '../audit/audited-transaction';
import { Clock } from '../platform/clock/clock';
import { refusal } from '@parley/contracts';
import { notFound, refuse, refused } from '../platform/http/problem';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { assertStrongPassword } from './password-strength';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { SessionRepository } from './session.repository';
import { SessionSockets } from './sessions/session-sockets';

/** One answer for every failed sign-in, so it never tells whether an e-mail address has an account. */

export type { IssuedSession } from './sign-in/session-issuer';

@Injectable()
export class AuthService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly sessions: SessionRepository,
    private readonly sessionSockets: SessionSockets,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers a person, unless the address already has an account, and says neither (decision record
   * 0016): the argon2 hash is computed before looking, nobody is signed in, an existing account is
   * left as it was, and the caller answers the same. The first account on an empty platform becomes
   * its steward.
   */
  async register(input: RegisterRequest): Promise<void> {
    assertStrongPassword(input.password, input);
    const passwordHash = await hashPassword(input.password);
    await this.tx.run(async (tx) => {
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('parley:register'))`);
      if (await this.people.emailTaken(tx.manager, input.email)) return;
      await this.createPerson(tx, input.name, input.email, passwordHash);
    });
  }

  /** Creates an account from an already computed hash (registration, and the demo loader). */
  async createPerson(tx: Tx, name: string, email: string, passwordHash: string | null): Promise<string> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('parley:register'))`);
    if (await this.people.emailTaken(tx.manager, email)) throw refused(refusal('email-taken'), 'email');
    const isSteward = (await this.people.countPeople(tx.manager)) === 0;
    const person = await this.people.insert(tx.manager, { name, email, passwordHash, isSteward, createdAt: tx.now });
    await tx.record({ scope: PLATFORM_SCOPE, actor: { id: person.id, name: person.name, snapshot: null }, action: 'person.registered', subjectType: 'person', subjectId: person.id, change: { name: person.name, steward: isSteward } });
    return person.id;
  }

  /** The same answer for an unknown e-mail and a wrong password, in the same time. */
  async checkCredentials(email: string, password: string): Promise<string> {
    const person = await this.people.findByEmail(email);
    const ok = await verifyPassword(person?.passwordHash ?? null, password);
    if (!person || !ok) throw refuse('wrong-credentials');
    return person.id;
  }

  /** Signing out ends the session and closes the live connections it opened (decision 0051). */
  async logout(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId, this.clock.now(), actor.id, 'signed-out');
    this.sessionSockets.disconnect([actor.sessionId]);
  }

  async me(personId: string): Promise<MeResponse> {
    const person = await this.people.findById(personId);
    if (!person) throw notFound('person');
    return { id: person.id, name: person.name, email: person.email, isSteward: person.isSteward, currentSnapshot: await this.peopleService.snapshotOf(undefined, person.id, this.clock.now()) };
  }

  /** Makes another person a steward: an audited act of a steward. */
  grantSteward(actor: Actor | null, personId: string, via: 'steward' | 'command-line'): Promise<void> {
    return this.tx.run(async (tx) => {
      const person = await this.people.findById(personId, tx.manager);
      if (!person) throw notFound('person');
      if (person.isSteward) throw refuse('already-steward', { name: person.name });
      await this.people.setSteward(tx.manager, personId);
      const auditActor = actor ? await this.peopleService.auditActor(tx.manager, actor.id, tx.now) : { id: null, name: 'operator (command line)', snapshot: null };
      await tx.record({ scope: PLATFORM_SCOPE, actor: auditActor, action: 'person.made-steward', subjectType: 'person', subjectId: personId, change: { name: person.name, via } });
    });
  }
}
