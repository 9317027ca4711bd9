import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { proxyUseProblem, termsWithholdChoices, validateVoteReason, WITHHELD_NONCE_FIELD, workingGroupScope } from '@parley/domain';
import type { AffiliationSnapshot, VoteChoice } from '@parley/domain';
import { refusal, type CastVoteRequest, type MyVote, type Verdict, type VoteResponse } from '@parley/contracts';
import { AuditedTransaction, NewAuditEvent } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { snapshotsFromRecords } from '../identity/people.service';
import { KeyedBatcher, Settled } from '../platform/batching/keyed-batcher';
import { AppMetrics } from '../platform/metrics/app-metrics';
import { notFound, refuse, refused, validationProblem } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { proxiesCovering, type ProxyRow } from '../procedures/proxies/proxies.reads';
import { BallotEntity, VoteEntity } from './ballot.entity';
import { canVote, ownChoiceVisible } from './ballot.policy';
import { BallotRepository, ElectorRow, WrittenVote } from './ballot.repository';
import type { MembershipNow } from './ballot.policy';

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
  /** Who acted: the voter, or the holder casting for them by proxy. */
  voter: Actor;
  choice: VoteChoice;
  reason: string | null;
  /** The voter whose vote it is (the grantor, when cast by proxy), as frozen in the electorate. */
  elector: ElectorRow;
  /** The affiliation of the voter whose vote it is, now. */
  snapshot: AffiliationSnapshot;
  salt: string;
  /** Cast by proxy: the holder's affiliation now and the proxy used. */
  proxy: { snapshot: AffiliationSnapshot; proxyId: string } | null;
}

/** The voter whose vote a request writes: the one named by proxy, or the actor. */
const voterOf = (r: VoteRequest) => r.input.forVoterId ?? r.actor.id;

/** Whether a holder may cast this grantor's vote on this ballot now, given the holder's own standing verdict and the proxy found. */
function proxyVerdict(
  holderVerdict: Verdict,
  grantorId: string,
  proxy: ProxyRow | undefined,
  facts: { grantor: ElectorRow | null; grantorMembership: MembershipNow | undefined; grantorNow: AffiliationSnapshot | null; holderNow: AffiliationSnapshot | null; withinStakeholderGroup: boolean },
): Verdict {
  if (holderVerdict !== true) return holderVerdict;
  const name = proxy?.grantorName ?? facts.grantor?.name ?? '';
  if (!proxy || grantorId === proxy.holderId) return refusal('no-proxy-for-voter', { name });
  const why = proxyUseProblem({
    withinStakeholderGroup: facts.withinStakeholderGroup,
    grantorInElectorate: facts.grantor !== null,
    grantorVoting: facts.grantorMembership?.status === 'voting',
    grantorNow: facts.grantorNow,
    holderNow: facts.holderNow,
  });
  return why ? refusal('proxy-no-longer-valid', { name, why }) : true;
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
    // The row written is the voter's: a holder's cast for a grantor and the grantor's own never share a batch.
    conflictKey: voterOf,
    run: (ballotId, requests) => this.castBatch(ballotId, requests),
    retryAloneAfter: causedByOneStatement,
    observe: (size) => this.metrics?.batchSize('vote', size),
  });
  @Optional() @Inject(AppMetrics) private readonly metrics?: AppMetrics;

  constructor(
    private readonly ballots: BallotRepository,
    private readonly tx: AuditedTransaction,
    private readonly groups: WorkingGroupAccess,
  ) {}

  /** A ballot's working group, which never changes: the batch can lock the group's chain in its first statement. */
  private readonly groupOfBallot = new Map<string, string>();

  private rememberGroup(ballotId: string, workingGroupId: string): void {
    if (this.groupOfBallot.size >= 10_000) this.groupOfBallot.clear();
    this.groupOfBallot.set(ballotId, workingGroupId);
  }

  cast(actor: Actor, ballotId: string, input: CastVoteRequest): Promise<VoteResponse> {
    return this.batcher.submit(ballotId, { actor, input });
  }

  private castBatch(ballotId: string, requests: VoteRequest[]): Promise<Settled<VoteResponse>[]> {
    return this.tx.run(async (tx) => {
      const people = [...new Set(requests.flatMap((r) => [r.actor.id, voterOf(r)]))];
      // The group's chain is locked by the batch's first statement once the ballot's group is known (decision 0057).
      const knownGroup = this.groupOfBallot.get(ballotId);
      const chain = knownGroup ? workingGroupScope(knownGroup) : null;
      const read = await this.ballots.readForVotes(tx.manager, ballotId, people, chain);
      if (!read) return requests.map(() => ({ ok: false as const, error: notFound('ballot') }));
      const { ballot, electors, memberships } = read;
      this.rememberGroup(ballotId, ballot.workingGroupId);
      const snapshots = snapshotsFromRecords(read.affiliations, tx.now);
      const byProxy = requests.filter((r) => r.input.forVoterId !== undefined);
      // Proxies are read only when a batch holds a cast by proxy: the plain vote path pays nothing for them.
      const proxies = byProxy.length ? await proxiesCovering(tx.manager, ballot.workingGroupId, ballotId, byProxy.map((r) => r.actor.id), tx.now) : [];
      const rules = byProxy.length ? (await this.groups.settings(tx.manager, ballot.workingGroupId))!.procedureRules : null;
      const proxyOf = new Map(proxies.map((p) => [`${p.grantorId}|${p.holderId}`, p]));

      const outcomes: Settled<VoteResponse>[] = new Array(requests.length);
      const accepted: AcceptedVote[] = [];
      requests.forEach((request, index) => {
        const { actor, input } = request;
        const voterId = voterOf(request);
        const standing = (id: string) => ({ inElectorate: electors.has(id), currentSnapshot: snapshots.get(id) ?? null, membership: memberships.get(id) });
        const own = canVote(standing(actor.id), ballot, tx.now);
        const proxy = input.forVoterId !== undefined ? proxyOf.get(`${voterId}|${actor.id}`) : undefined;
        const verdict =
          input.forVoterId === undefined
            ? own
            : proxyVerdict(own, voterId, proxy, {
                grantor: electors.get(voterId) ?? null,
                grantorMembership: memberships.get(voterId),
                grantorNow: snapshots.get(voterId) ?? null,
                holderNow: snapshots.get(actor.id) ?? null,
                withinStakeholderGroup: rules!.proxyWithinStakeholderGroup,
              });
        if (verdict !== true) return void (outcomes[index] = { ok: false, error: refused(verdict) });
        const reason = input.reason?.trim() || null;
        const problem = validateVoteReason({ choice: input.choice, reason }, { requireReasonForNo: ballot.requireReasonForNo });
        if (problem) return void (outcomes[index] = { ok: false, error: validationProblem('reason', problem.code) });
        accepted.push({
          index,
          voter: actor,
          choice: input.choice,
          reason,
          elector: electors.get(voterId)!,
          snapshot: snapshots.get(voterId)!,
          salt: randomBytes(32).toString('hex'),
          proxy: proxy ? { snapshot: snapshots.get(actor.id)!, proxyId: proxy.id } : null,
        });
      });

      const { written, chainHead } = await this.ballots.upsertVotes(
        tx.manager,
        ballotId,
        tx.now,
        accepted.map((a) => ({
          voterId: a.elector.personId,
          choice: a.choice,
          reason: a.reason,
          snapshot: a.snapshot,
          salt: a.salt,
          castBy: a.proxy ? { personId: a.voter.id, snapshot: a.proxy.snapshot, proxyId: a.proxy.proxyId } : undefined,
        })),
        chain,
      );
      if (chain && chainHead) tx.lockedChain(chain, chainHead);
      const done = accepted.flatMap((a, k) => {
        const w = written[k];
        // Not written: the grantor voted themselves meanwhile, and their own vote wins.
        if (w) return [{ a, w }];
        outcomes[a.index] = { ok: false, error: refuse('proxy-grantor-voted', { name: a.elector.name }) };
        return [];
      });
      await tx.recordAll(done.map(({ a, w }) => voteEvent(ballot, a, w)));
      for (const { a, w } of done)
        outcomes[a.index] = { ok: true, value: { ballotId, action: w.inserted ? 'vote.cast' : 'vote.changed', vote: myVote(ballot, w.vote) } };
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
function voteEvent(ballot: BallotEntity, a: AcceptedVote, written: WrittenVote): NewAuditEvent {
  const { vote, inserted, replacedProxyVote } = written;
  const change =
    ballot.visibility === 'secret'
      ? { commitment: voteCommitment(ballot.id, a.elector.personId, a.choice, a.salt), commitmentScheme: VOTE_COMMITMENT_SCHEME, changes: vote.changes }
      : {
          choice: a.choice,
          reason: a.reason,
          changes: vote.changes,
          ...(termsWithholdChoices(ballot) ? { [WITHHELD_NONCE_FIELD]: randomBytes(32).toString('hex') } : {}),
        };
  return {
    scope: workingGroupScope(ballot.workingGroupId),
    // Who acted: the voter, or the holder casting for them by proxy (with the holder's affiliation now).
    actor: { id: a.voter.id, name: a.voter.name, snapshot: a.proxy ? a.proxy.snapshot : a.snapshot },
    action: inserted ? 'vote.cast' : 'vote.changed',
    subjectType: 'ballot',
    subjectId: ballot.id,
    change: {
      ...change,
      countedUnder: { organisationId: a.elector.snapshot.organisationId, stakeholderGroup: a.elector.snapshot.stakeholderGroup },
      ...(a.proxy ? { castFor: { id: a.elector.personId, name: a.elector.name }, proxyId: a.proxy.proxyId } : {}),
      ...(replacedProxyVote ? { overridesProxyVote: replacedProxyVote } : {}),
    },
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
