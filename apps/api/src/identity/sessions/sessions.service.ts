import { Injectable } from '@nestjs/common';
import type { ActiveSessionResponse, EndAllSessionsRequest, SessionsEndedResponse } from '@parley/contracts';
import { deviceLabel, deviceNameOf, PLATFORM_SCOPE } from '@parley/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { Clock } from '../../platform/clock/clock';
import { notFound } from '../../platform/http/problem';
import type { Actor } from '../actor';
import { PeopleRepository } from '../people.repository';
import { PeopleService } from '../people.service';
import { SessionRepository, type LiveSessionRow } from '../session.repository';
import { SessionSockets } from './session-sockets';

/**
 * A person's active sessions: seeing them, ending one or all the others (their own housekeeping,
 * kept in the sessions table, not in the public audit log), and a steward ending every session of
 * an account (an audited act, with its reason). Whatever is ended is refused from the next request,
 * and its live connections are closed (decision 0051).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly sockets: SessionSockets,
    private readonly tx: AuditedTransaction,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<ActiveSessionResponse[]> {
    const rows = await this.sessions.listLive(this.dataSource.manager, actor.id, this.clock.now());
    return rows.map((r) => shown(r, actor.sessionId));
  }

  /** Ends one of the actor's own sessions; someone else's (or one already over) is not found, whoever asks. */
  async endMine(actor: Actor, sessionId: string): Promise<{ endedCurrent: boolean }> {
    const ended = await this.sessions.end(
      this.dataSource.manager,
      actor.id,
      { only: sessionId },
      { now: this.clock.now(), by: actor.id, reason: 'ended-by-person' },
    );
    if (ended.length === 0) throw notFound('session');
    this.sockets.disconnect(ended);
    return { endedCurrent: sessionId === actor.sessionId };
  }

  async endOthers(actor: Actor): Promise<SessionsEndedResponse> {
    const ended = await this.sessions.end(
      this.dataSource.manager,
      actor.id,
      { except: actor.sessionId },
      { now: this.clock.now(), by: actor.id, reason: 'ended-by-person' },
    );
    this.sockets.disconnect(ended);
    return { ended: ended.length };
  }

  /** A steward's view of someone's sessions (the one they act on before ending them). */
  async ofPerson(actor: Actor, personId: string): Promise<ActiveSessionResponse[]> {
    await this.personOrNotFound(this.dataSource.manager, personId);
    const rows = await this.sessions.listLive(this.dataSource.manager, personId, this.clock.now());
    return rows.map((r) => shown(r, actor.sessionId));
  }

  /** Ends every live session of an account, recorded in the audit log with the steward's reason, even when none was open. */
  async endAllOf(actor: Actor, personId: string, body: EndAllSessionsRequest): Promise<SessionsEndedResponse> {
    const ended = await this.tx.run(async (tx) => {
      const person = await this.personOrNotFound(tx.manager, personId);
      const ids = await this.sessions.end(tx.manager, personId, {}, { now: tx.now, by: actor.id, reason: 'ended-by-steward' });
      await tx.record({
        scope: PLATFORM_SCOPE,
        actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
        action: 'person.sessions-ended',
        subjectType: 'person',
        subjectId: personId,
        change: { name: person.name, reason: body.reason, sessionsEnded: ids.length },
      });
      return ids;
    });
    this.sockets.disconnect(ended);
    return { ended: ended.length };
  }

  private async personOrNotFound(manager: EntityManager, personId: string) {
    const person = await this.people.findById(personId, manager);
    if (!person) throw notFound('person');
    return person;
  }
}

function shown(r: LiveSessionRow, currentSessionId: string): ActiveSessionResponse {
  const device = deviceNameOf(r.userAgent);
  return {
    id: r.id,
    current: r.id === currentSessionId,
    device,
    deviceLabel: deviceLabel(device),
    ipRange: r.ipRange,
    signedInVia: { method: r.signedInVia, providerId: r.identityProviderId, providerName: r.identityProviderName },
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  };
}
