import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { termsWithholdChoices, validateVoteReason, WITHHELD_NONCE_FIELD, workingGroupScope } from '@parley/domain';
import type { AffiliationSnapshot, VoteChoice } from '@parley/domain';
import type { CastVoteRequest, MyVote, VoteResponse } from '@parley/contracts';
import { AuditedTransaction, NewAuditEvent } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { KeyedBatcher, Settled } from '../platform/batching/keyed-batcher';
import { notFound, refused, validationProblem } from '../platform/http/problem';
import { BallotEntity, VoteEntity } from './ballot.entity';
import { canVote, ownChoiceVisible } from './ballot.policy';
import { BallotRepository, ElectorRow } from './ballot.repository';

/** sha256(ballot|voter|choice|salt): proves in the audit chain that a secret vote happened, without telling it. */
export const voteCommitment = (ballotId: string, voterId: string, choice: VoteChoice, salt: string) =>
  createHash('sha256').update(`${ballotId}|${voterId}|${choice}|${salt}`).digest('hex');
export const VOTE_COMMITMENT_SCHEME = 'sha256(ballotId|voterId|choice|salt)';

/** A voter's own vote as they may see it (a secret ballot hides even their own choice from the response). */
export function myVote(b: Pick<BallotEntity, 'visibility'>, v: VoteEntity): MyVote {
  const own = ownChoiceVisible(b);
  return {
    choice: own ? v.choice : null,
    reason: own ? v.reason : null,
    castAt: new Date(v.castAt).toISOString(),
    changedAt: new Date(v.changedAt).toISOString(),
    changes: v.changes,
  };
}

interface VoteRequest {
  actor: Actor;
  input: CastVoteRequest;
}

interface AcceptedVote {
  index: number;
  voter: Actor;
  choice: VoteChoice;
  reason: string | null;
  elector: ElectorRow;
  snapshot: AffiliationSnapshot;
  salt: string;
}

/** The most votes one transaction writes (a whole group voting at once takes a few of them). */
const MAX_VOTES_PER_TRANSACTION = 100;

/**
 * Casting and changing votes. When a whole group votes in the last minute, the votes on one
 * ballot are written in batches (docs/decisions/0011-group-commit-of-votes.md): each batch is one
 * transaction — the ballot read once, the votes upserted in one statement, their audit events
 * appended to the group's chain in one statement — and each vote is answered only once its batch
 * has committed. A vote alone is a batch of one, written at once.
 */
@Injectable()
export class VoteService {
  private readonly batcher = new KeyedBatcher<VoteRequest, VoteResponse>({
    maxBatch: MAX_VOTES_PER_TRANSACTION,
    conflictKey: (r) => r.actor.id,
    run: (ballotId, requests) => this.castBatch(ballotId, requests),
    retryAloneAfter: causedByOneStatement,
  });

  constructor(
    private readonly ballots: BallotRepository,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
  ) {}

  cast(actor: Actor, ballotId: string, input: CastVoteRequest): Promise<VoteResponse> {
    return this.batcher.submit(ballotId, { actor, input });
  }

  private castBatch(ballotId: string, requests: VoteRequest[]): Promise<Settled<VoteResponse>[]> {
    return this.tx.run(async (tx) => {
      const ballot = await this.ballots.lockForVote(tx.manager, ballotId);
      if (!ballot) return requests.map(() => ({ ok: false as const, error: notFound('ballot') }));
      const voterIds = requests.map((r) => r.actor.id);
      const electors = await this.ballots.electorsAmong(tx.manager, ballotId, voterIds);
      const snapshots = await this.people.snapshotsOf(tx.manager, voterIds, tx.now);
      const memberships = await this.ballots.membershipsNow(tx.manager, ballot.workingGroupId, voterIds);

      const outcomes: Settled<VoteResponse>[] = new Array(requests.length);
      const accepted: AcceptedVote[] = [];
      requests.forEach(({ actor, input }, index) => {
        const elector = electors.get(actor.id) ?? null;
        const snapshot = snapshots.get(actor.id) ?? null;
        const verdict = canVote({ inElectorate: elector !== null, currentSnapshot: snapshot, membership: memberships.get(actor.id) }, ballot, tx.now);
        if (verdict !== true) return void (outcomes[index] = { ok: false, error: refused(verdict) });
        const reason = input.reason?.trim() || null;
        const problem = validateVoteReason({ choice: input.choice, reason }, { requireReasonForNo: ballot.requireReasonForNo });
        if (problem) return void (outcomes[index] = { ok: false, error: validationProblem('reason', problem.code) });
        accepted.push({ index, voter: actor, choice: input.choice, reason, elector: elector!, snapshot: snapshot!, salt: randomBytes(32).toString('hex') });
      });

      const written = await this.ballots.upsertVotes(
        tx.manager,
        ballotId,
        tx.now,
        accepted.map((a) => ({ voterId: a.voter.id, choice: a.choice, reason: a.reason, snapshot: a.snapshot, salt: a.salt })),
      );
      await tx.recordAll(accepted.map((a, k) => voteEvent(ballot, a, written[k])));
      accepted.forEach((a, k) => {
        const { vote, inserted } = written[k];
        outcomes[a.index] = { ok: true, value: { ballotId, action: inserted ? 'vote.cast' : 'vote.changed', vote: myVote(ballot, vote) } };
      });
      return outcomes;
    });
  }
}

/**
 * The audit event of one vote: a secret ballot's records a salted commitment, never the choice. A
 * roll-call vote hidden until close records its choice with a random nonce: the public log withholds
 * both while the ballot is open, and the nonce keeps the digest it shows from being matched by trying
 * the four choices; both are published when the ballot closes, when the digest can be recomputed.
 */
function voteEvent(ballot: BallotEntity, a: AcceptedVote, written: { vote: VoteEntity; inserted: boolean }): NewAuditEvent {
  const { vote, inserted } = written;
  const change =
    ballot.visibility === 'secret'
      ? { commitment: voteCommitment(ballot.id, a.voter.id, a.choice, a.salt), commitmentScheme: VOTE_COMMITMENT_SCHEME, changes: vote.changes }
      : {
          choice: a.choice,
          reason: a.reason,
          changes: vote.changes,
          ...(termsWithholdChoices(ballot) ? { [WITHHELD_NONCE_FIELD]: randomBytes(32).toString('hex') } : {}),
        };
  return {
    scope: workingGroupScope(ballot.workingGroupId),
    actor: { id: a.voter.id, name: a.voter.name, snapshot: a.snapshot },
    action: inserted ? 'vote.cast' : 'vote.changed',
    subjectType: 'ballot',
    subjectId: ballot.id,
    change: { ...change, countedUnder: { organisationId: a.elector.snapshot.organisationId, stakeholderGroup: a.elector.snapshot.stakeholderGroup } },
  };
}

/**
 * Whether a failed batch failed on something one of its votes caused (bad data, a constraint, a
 * deadlock): PostgreSQL refused a statement, the transaction rolled back, and each vote can be
 * tried alone. A dropped connection is not retried: the commit may have happened.
 */
function causedByOneStatement(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = String((error.driverError as { code?: unknown } | undefined)?.code ?? '');
  return /^(22|23|40)/.test(code);
}
