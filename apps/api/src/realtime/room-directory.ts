import { Injectable } from '@nestjs/common';
import { AUDIT_CATALOGUE, type ParsedRoom } from '@parley/contracts';
import { LiveLogRepository } from './live-log.repository';
import { chainOfGroupRoom } from './room-mapping';
import type { BallotDisclosure, RoomFacts } from './room.policy';

/** A small map that forgets its oldest entries past a size. */
class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * Where a room's events come from, and what a ballot discloses. Answers come from the audit log:
 * a document lives in the chain its `document.created` was recorded in, a ballot in the chain of its
 * `ballot.opened`, whose change holds the terms (visibility, tallies) that never change afterwards.
 * Found answers are cached (they never change); misses are not (the subject may appear next second).
 */
@Injectable()
export class RoomDirectory {
  private readonly rooms = new BoundedCache<RoomFacts>(20_000);
  private readonly ballots = new BoundedCache<BallotDisclosure>(20_000);

  constructor(private readonly log: LiveLogRepository) {}

  async facts(room: ParsedRoom): Promise<RoomFacts | null> {
    const cached = this.rooms.get(room.name);
    if (cached) return cached;
    let facts: RoomFacts | null = null;
    switch (room.kind) {
      case 'platform':
        facts = { scope: chainOfGroupRoom(room.name) as string };
        break;
      case 'wg': {
        const scope = chainOfGroupRoom(room.name) as string;
        facts = (await this.log.chainExists(scope)) ? { scope } : null;
        break;
      }
      case 'doc': {
        const origin = await this.log.origin('document', room.id);
        facts = origin ? { scope: origin.scope } : null;
        break;
      }
      case 'ballot': {
        const opened = await this.ballotOpening(room.id);
        facts = opened ? { scope: opened.scope } : null;
        break;
      }
      case 'meeting': {
        const origin = await this.log.origin('meeting', room.id, 'meeting.scheduled');
        facts = origin ? { scope: origin.scope } : null;
        break;
      }
    }
    if (facts) this.rooms.set(room.name, facts);
    return facts;
  }

  /** What a ballot's votes may show; null when the ballot is unknown (its votes are then shown as secret). */
  async ballotDisclosure(ballotId: string): Promise<BallotDisclosure | null> {
    const cached = this.ballots.get(ballotId);
    if (cached) return cached;
    return (await this.ballotOpening(ballotId))?.disclosure ?? null;
  }

  /** Cached answers only: the fan-out prefetches, then shows events without waiting. */
  cachedBallotDisclosure(ballotId: string): BallotDisclosure | null {
    return this.ballots.get(ballotId) ?? null;
  }

  private async ballotOpening(ballotId: string): Promise<{ scope: string; disclosure: BallotDisclosure | null } | null> {
    const origin = await this.log.origin('ballot', ballotId, 'ballot.opened');
    if (!origin) return null;
    // Read through the catalogue: an opening it cannot read leaves the terms unknown, and the votes shown as secret.
    const opened = AUDIT_CATALOGUE['ballot.opened'].change.safeParse(origin.change);
    const disclosure = opened.success ? { visibility: opened.data.visibility, tallies: opened.data.tallies } : null;
    if (disclosure) this.ballots.set(ballotId, disclosure);
    return { scope: origin.scope, disclosure };
  }
}
