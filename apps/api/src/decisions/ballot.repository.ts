import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { STAKEHOLDER_GROUPS, participationOf, resolveOrganisationChoice } from '@parley/domain';
import type { AffiliationSnapshot, BallotResult, ChoiceCounts, CountingUnit, StakeholderGroup, StakeholderGroupBreakdown, VoteChoice } from '@parley/domain';
import type { BallotStatus, RunningTally } from '@parley/contracts';
import { chainHeadJoin, chainHeadOf, chainLockSql, type ChainHead } from '../audit/audit.repository';
import { affiliationRecordsSql, toPersonAffiliationRecord, type PersonAffiliationRecord } from '../identity/people.repository';
import { BallotEntity, VoteEntity } from './ballot.entity';
import type { MembershipNow } from './ballot.policy';

export type NewBallot = Omit<BallotEntity, 'id' | 'status' | 'closedAt' | 'closedBy' | 'closeReason' | 'result' | 'outcome'>;

export interface ElectorRow {
  personId: string;
  name: string;
  snapshot: AffiliationSnapshot;
}

export interface NewVote {
  voterId: string;
  choice: VoteChoice;
  reason: string | null;
  snapshot: AffiliationSnapshot | null;
  salt: string;
  /** A vote cast by proxy (decision record 0040): the holder and the proxy; absent when the voter casts it. */
  castBy?: { personId: string; snapshot: AffiliationSnapshot; proxyId: string };
}

/** A written vote, and who had cast the vote it replaced (by proxy), if anyone. */
export interface WrittenVote {
  vote: VoteEntity;
  inserted: boolean;
  replacedProxyVote: { proxyId: string; castBy: string } | null;
}

export interface RollCallRow {
  personId: string;
  name: string;
  snapshot: AffiliationSnapshot;
  choice: VoteChoice | null;
  reason: string | null;
  changedAt: Date | null;
  castById: string | null;
  castByName: string | null;
}

export interface BallotListRow {
  ballot: BallotEntity;
  votesCast: number;
}

const BALLOT_COLUMNS = `b.id, b.working_group_id, b.subject_type, b.subject_id, b.subject_details, b.title, b.description, b.rule, b.counting_unit, b.quorum,
  b.quorum_per_stakeholder_group, b.visibility, b.tallies, b.require_reason_for_no, b.warnings, b.opened_by, b.opened_by_snapshot,
  b.opened_at, b.closes_at, b.electorate_size, b.status, b.closed_at, b.closed_by, b.close_reason, b.outcome`;

/** A running tally counted by person: choices by stakeholder group; `gate`, a further condition on the ballot $1. */
const personTallySql = (gate = '') => `SELECT e.stakeholder_group AS "group", v.choice, count(*)::int AS n
  FROM ballot_electors e LEFT JOIN votes v ON v.ballot_id = e.ballot_id AND v.voter_id = e.person_id
 WHERE e.ballot_id = $1 ${gate} GROUP BY 1, 2`;

interface PersonTallyRow {
  group: StakeholderGroup;
  choice: VoteChoice | null;
  n: number;
}

/** A running tally being counted: every stakeholder group has its row, in canonical order, even when empty. */
function emptyTally(unit: CountingUnit) {
  const groups = new Map<StakeholderGroup, StakeholderGroupBreakdown>(STAKEHOLDER_GROUPS.map((g) => [g, { stakeholderGroup: g, eligible: 0, ...emptyCounts() }]));
  const totals = emptyCounts();
  return {
    add(group: StakeholderGroup, choice: keyof ChoiceCounts, n: number) {
      const row = groups.get(group) as StakeholderGroupBreakdown;
      row[choice] += n;
      row.eligible += n;
      totals[choice] += n;
    },
    done: (): RunningTally => ({ countingUnit: unit, totals, participation: participationOf(totals), byStakeholderGroup: [...groups.values()] }),
  };
}

function tallyOfPersonRows(rows: readonly PersonTallyRow[]): RunningTally {
  const tally = emptyTally('person');
  for (const r of rows) tally.add(r.group, r.choice ?? 'notVoted', r.n);
  return tally.done();
}

/** Rows from raw SQL to the entity shape; `result` only when selected (it can be large). */
function toBallot(r: Record<string, any>): BallotEntity {
  const b = new BallotEntity();
  Object.assign(b, {
    id: r.id,
    workingGroupId: r.working_group_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectDetails: r.subject_details ?? null,
    title: r.title,
    description: r.description,
    rule: r.rule,
    countingUnit: r.counting_unit,
    quorum: Number(r.quorum),
    quorumPerStakeholderGroup: r.quorum_per_stakeholder_group,
    visibility: r.visibility,
    tallies: r.tallies,
    requireReasonForNo: r.require_reason_for_no,
    warnings: r.warnings,
    openedBy: r.opened_by,
    openedBySnapshot: r.opened_by_snapshot,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    electorateSize: r.electorate_size,
    status: r.status,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    closeReason: r.close_reason ?? null,
    result: r.result ?? null,
    outcome: r.outcome,
  });
  return b;
}

/** Each person's latest membership of a group (an open one first): the rows of membershipMap. */
const MEMBERSHIPS_NOW = (group: string, people: string) =>
  `SELECT DISTINCT ON (person_id) person_id AS "personId", kind, left_at AS "leftAt", removed_by AS "removedBy"
     FROM memberships WHERE working_group_id = ${group} AND person_id = ANY(${people}::uuid[])
    ORDER BY person_id, left_at DESC NULLS FIRST`;

/** Where some people stand in a working group now: a voting member, an observer, or gone (left, or removed by a chair) since when. */
function membershipMap(rows: { personId: string; kind: string; leftAt: Date | string | null; removedBy: string | null }[]): Map<string, MembershipNow> {
  return new Map(
    rows.map((r): [string, MembershipNow] => [
      r.personId,
      r.leftAt === null ? { status: r.kind === 'member' ? 'voting' : 'observer' } : { status: r.removedBy ? 'removed' : 'left', since: new Date(r.leftAt) },
    ]),
  );
}

const emptyCounts = (): ChoiceCounts => ({ yes: 0, no: 0, abstain: 0, recuse: 0, notVoted: 0 });

@Injectable()
export class BallotRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, b: NewBallot): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO ballots (working_group_id, subject_type, subject_id, title, description, rule, counting_unit, quorum, quorum_per_stakeholder_group,
                            visibility, tallies, require_reason_for_no, warnings, opened_by, opened_by_snapshot, opened_at, closes_at, electorate_size, subject_details)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING id`,
      [
        b.workingGroupId,
        b.subjectType,
        b.subjectId,
        b.title,
        b.description,
        b.rule,
        b.countingUnit,
        b.quorum,
        b.quorumPerStakeholderGroup,
        b.visibility,
        b.tallies,
        b.requireReasonForNo,
        b.warnings === undefined ? null : JSON.stringify(b.warnings),
        b.openedBy,
        b.openedBySnapshot ? JSON.stringify(b.openedBySnapshot) : null,
        b.openedAt,
        b.closesAt,
        b.electorateSize,
        b.subjectDetails ? JSON.stringify(b.subjectDetails) : null,
      ],
    );
    return row.id;
  }

  /** Freezes the electorate: one statement, however large. */
  async insertElectorate(manager: EntityManager, ballotId: string, electors: ElectorRow[]): Promise<void> {
    if (electors.length === 0) return;
    await manager.query(
      `INSERT INTO ballot_electors (ballot_id, person_id, name, snapshot, stakeholder_group, organisation_id)
       SELECT $1, e."personId", e.name, e.snapshot, e.snapshot->>'stakeholderGroup', (e.snapshot->>'organisationId')::uuid
         FROM jsonb_to_recordset($2::jsonb) AS e("personId" uuid, name text, snapshot jsonb)`,
      [ballotId, JSON.stringify(electors)],
    );
  }

  /** The ballot without its (possibly large) result. */
  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<BallotEntity | null> {
    const [row] = await manager.query(`SELECT ${BALLOT_COLUMNS} FROM ballots b WHERE b.id = $1`, [id]);
    return row ? toBallot(row) : null;
  }

  /** The ballot as its page shows it, without its result: with the names of its group and of who opened and closed it, in one statement. */
  async findForPage(id: string): Promise<{ ballot: BallotEntity; groupName: string; openedByName: string; closedByName: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${BALLOT_COLUMNS}, g.name AS group_name, ob.name AS opened_by_name, cb.name AS closed_by_name
         FROM ballots b LEFT JOIN working_groups g ON g.id = b.working_group_id
         LEFT JOIN people ob ON ob.id = b.opened_by LEFT JOIN people cb ON cb.id = b.closed_by
        WHERE b.id = $1`,
      [id],
    );
    return row ? { ballot: toBallot(row), groupName: row.group_name ?? '', openedByName: row.opened_by_name ?? '', closedByName: row.closed_by_name ?? '' } : null;
  }

  /** The stored result as published: without the roll call (which the paginated roll-call list serves). */
  async publishedResult(id: string): Promise<Omit<BallotResult, 'rollCall'> | null> {
    const [row] = await this.dataSource.query(`SELECT result - 'rollCall' AS result FROM ballots WHERE id = $1`, [id]);
    return row?.result ?? null;
  }

  /**
   * Everything a batch of votes reads before writing, in one statement (decision 0057: on a busy
   * machine each round trip costs the API a socket write and PostgreSQL a statement): the ballot
   * held open (FOR SHARE: closing it, FOR UPDATE, waits for the batch to commit), and for the people given their electors, their memberships now
   * (as membershipsNow) and their affiliations (as snapshots read them). Null when no such ballot.
   * `lockChain`: the audit chain the batch will append to, locked by this statement on its way
   * (chainLockSql), whose head upsertVotes then reads.
   */
  async readForVotes(
    manager: EntityManager,
    ballotId: string,
    personIds: string[],
    lockChain: string | null,
  ): Promise<{ ballot: BallotEntity; electors: Map<string, ElectorRow>; memberships: Map<string, MembershipNow>; affiliations: PersonAffiliationRecord[] } | null> {
    const [row] = await manager.query(
      // The outer query runs on the row the inner one has locked: the chain is locked after the
      // ballot, in the order closing a ballot takes them, so the two never wait on each other.
      `SELECT b.*, ${lockChain === null ? 'NULL' : chainLockSql('$3::text')} AS chain_locked,
              (SELECT coalesce(json_agg(json_build_object('personId', e.person_id, 'name', e.name, 'snapshot', e.snapshot)), '[]')
                 FROM ballot_electors e WHERE e.ballot_id = b.id AND e.person_id = ANY($2::uuid[])) AS electors,
              (SELECT coalesce(json_agg(m), '[]') FROM (${MEMBERSHIPS_NOW('b.working_group_id', '$2')}) m) AS memberships,
              (SELECT coalesce(json_agg(a), '[]') FROM (${affiliationRecordsSql('$2')}) a) AS affiliations
         FROM (SELECT ${BALLOT_COLUMNS} FROM ballots b WHERE b.id = $1 FOR SHARE OF b) b`,
      lockChain === null ? [ballotId, personIds] : [ballotId, personIds, lockChain],
    );
    if (!row) return null;
    return {
      ballot: toBallot(row),
      electors: new Map((row.electors as ElectorRow[]).map((e) => [e.personId, e])),
      memberships: membershipMap(row.memberships),
      affiliations: (row.affiliations as Record<string, any>[]).map(toPersonAffiliationRecord),
    };
  }

  /**
   * Locks the ballot to close it. Waits for votes being written; when another transaction (another
   * API instance) closed it meanwhile, the row no longer matches `status = 'open'` and null comes back.
   */
  async lockOpenForClose(manager: EntityManager, id: string): Promise<BallotEntity | null> {
    const [row] = await manager.query(`SELECT ${BALLOT_COLUMNS} FROM ballots b WHERE b.id = $1 AND b.status = 'open' FOR UPDATE`, [id]);
    return row ? toBallot(row) : null;
  }

  /** Open ballots whose closing time has come, earliest first. */
  async dueForClosing(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ballots WHERE status = 'open' AND closes_at <= $1 ORDER BY closes_at, id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  async elector(manager: EntityManager | undefined, ballotId: string, personId: string): Promise<ElectorRow | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT person_id AS "personId", name, snapshot FROM ballot_electors WHERE ballot_id = $1 AND person_id = $2`,
      [ballotId, personId],
    );
    return row ?? null;
  }

  /** The electors among some people, by person (who is missing is not in the electorate). */
  async electorsAmong(manager: EntityManager, ballotId: string, personIds: string[]): Promise<Map<string, ElectorRow>> {
    const rows: ElectorRow[] = await manager.query(
      `SELECT person_id AS "personId", name, snapshot FROM ballot_electors WHERE ballot_id = $1 AND person_id = ANY($2::uuid[])`,
      [ballotId, personIds],
    );
    return new Map(rows.map((r) => [r.personId, r]));
  }

  /**
   * Where some people stand in a working group now, from their latest membership (an open one
   * first): a voting member, an observer, or gone (left, or removed by a chair) since when.
   */
  async membershipsNow(manager: EntityManager, workingGroupId: string, personIds: string[]): Promise<Map<string, MembershipNow>> {
    return membershipMap(await manager.query(MEMBERSHIPS_NOW('$1', '$2'), [workingGroupId, personIds]));
  }

  /**
   * Casts or changes several voters' votes in one statement (one voter at most once). The primary
   * key (ballot, voter) makes concurrent casts by one voter queue on the row: the first inserts,
   * the others update it. A vote cast by proxy never replaces one the voter cast themselves (their
   * own vote wins, decision record 0040): such a vote is not written and answers null. The rows it
   * replaces are read as the statement found them, so a voter's own vote over a proxy's says whose it replaced.
   * Answers in the order given, and with `lockedChain` (a chain readForVotes locked) that chain's head.
   */
  async upsertVotes(
    manager: EntityManager,
    ballotId: string,
    at: Date,
    votes: NewVote[],
    lockedChain: string | null = null,
  ): Promise<{ written: (WrittenVote | null)[]; chainHead: ChainHead | null }> {
    if (votes.length === 0) return { written: [], chainHead: null };
    const rows: Record<string, any>[] = await manager.query(
      `WITH old AS (
         SELECT voter_id, cast_by, proxy_id FROM votes WHERE ballot_id = $1 AND voter_id = ANY($3::uuid[])
       ), written AS (
         INSERT INTO votes AS v (ballot_id, voter_id, choice, reason, snapshot, salt, cast_at, changed_at, changes, cast_by, cast_by_snapshot, proxy_id)
         SELECT $1, n.voter_id, n.choice, n.reason, n.snapshot, n.salt, $2, $2, 0, n.cast_by, n.cast_by_snapshot, n.proxy_id
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::uuid[], $9::jsonb[], $10::uuid[])
                AS n(voter_id, choice, reason, snapshot, salt, cast_by, cast_by_snapshot, proxy_id)
         ON CONFLICT (ballot_id, voter_id) DO UPDATE
           SET choice = EXCLUDED.choice, reason = EXCLUDED.reason, snapshot = EXCLUDED.snapshot, salt = EXCLUDED.salt,
               changed_at = EXCLUDED.changed_at, changes = v.changes + 1,
               cast_by = EXCLUDED.cast_by, cast_by_snapshot = EXCLUDED.cast_by_snapshot, proxy_id = EXCLUDED.proxy_id
           WHERE EXCLUDED.proxy_id IS NULL OR v.proxy_id IS NOT NULL
         RETURNING voter_id, choice, reason, snapshot, salt, cast_at, changed_at, changes, cast_by, cast_by_snapshot, proxy_id, (xmax = 0) AS inserted
       )
       SELECT w.*, o.cast_by AS old_cast_by, o.proxy_id AS old_proxy_id, chain_head.last_sequence, chain_head.last_hash
         FROM written w LEFT JOIN old o ON o.voter_id = w.voter_id ${chainHeadJoin('$11::text')}`,
      [
        ballotId,
        at,
        votes.map((v) => v.voterId),
        votes.map((v) => v.choice),
        votes.map((v) => v.reason),
        votes.map((v) => (v.snapshot ? JSON.stringify(v.snapshot) : null)),
        votes.map((v) => v.salt),
        votes.map((v) => v.castBy?.personId ?? null),
        votes.map((v) => (v.castBy ? JSON.stringify(v.castBy.snapshot) : null)),
        votes.map((v) => v.castBy?.proxyId ?? null),
        lockedChain,
      ],
    );
    const byVoter = new Map(rows.map((r) => [r.voter_id as string, r]));
    // The head of the chain the batch locked, read by this statement, after the one that took the lock.
    const chainHead = lockedChain !== null && rows.length ? chainHeadOf(rows[0] as { last_sequence: string | null; last_hash: string | null }) : null;
    const written = votes.map((v) => {
      const row = byVoter.get(v.voterId);
      if (!row) {
        if (v.castBy) return null;
        throw new Error(`the vote of ${v.voterId} was not written`);
      }
      const vote = Object.assign(new VoteEntity(), {
        ballotId,
        voterId: v.voterId,
        choice: row.choice,
        reason: row.reason,
        snapshot: row.snapshot,
        salt: row.salt,
        castAt: row.cast_at,
        changedAt: row.changed_at,
        changes: row.changes,
        castBy: row.cast_by,
        castBySnapshot: row.cast_by_snapshot,
        proxyId: row.proxy_id,
      });
      const replacedProxyVote = !v.castBy && row.old_proxy_id ? { proxyId: row.old_proxy_id as string, castBy: row.old_cast_by as string } : null;
      return { vote, inserted: row.inserted as boolean, replacedProxyVote };
    });
    return { written, chainHead };
  }

  /** Several voters' votes on one ballot, by voter. */
  async votesOf(ballotId: string, voterIds: string[]): Promise<Map<string, VoteEntity>> {
    if (voterIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(VoteEntity).findBy({ ballotId, voterId: In(voterIds) });
    return new Map(rows.map((r) => [r.voterId, r]));
  }

  voteOf(ballotId: string, voterId: string): Promise<VoteEntity | null> {
    return this.dataSource.getRepository(VoteEntity).findOneBy({ ballotId, voterId });
  }

  async votesCast(ballotId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM votes WHERE ballot_id = $1`, [ballotId]);
    return row.n;
  }

  /**
   * The running tally, aggregated in the database: at most (groups × choices) rows per person, or
   * (organisations × choices) rows under the organisation unit, however many votes there are.
   */
  async runningTally(ballotId: string, unit: CountingUnit): Promise<RunningTally> {
    if (unit === 'person') return tallyOfPersonRows(await this.dataSource.query(personTallySql(), [ballotId]));
    // As countedUnits (libs/domain): a voter whose affiliation was unconfirmed at opening is a unit of their own.
    const rows: { organisationId: string; group: StakeholderGroup; choice: VoteChoice | null; n: number }[] = await this.dataSource.query(
      `SELECT CASE WHEN jsonb_typeof(e.snapshot->'confirmation') = 'object' THEN e.organisation_id::text ELSE 'unconfirmed:' || e.person_id END AS "organisationId",
              min(e.stakeholder_group) AS "group", v.choice, count(*)::int AS n
         FROM ballot_electors e LEFT JOIN votes v ON v.ballot_id = e.ballot_id AND v.voter_id = e.person_id
        WHERE e.ballot_id = $1 GROUP BY 1, 3`,
      [ballotId],
    );
    const tally = emptyTally('organisation');
    const byOrganisation = new Map<string, { group: StakeholderGroup; choices: (VoteChoice | null)[] }>();
    for (const r of rows) {
      const org = byOrganisation.get(r.organisationId) ?? { group: r.group, choices: [] };
      for (let i = 0; i < r.n; i++) org.choices.push(r.choice);
      byOrganisation.set(r.organisationId, org);
    }
    for (const org of byOrganisation.values()) tally.add(org.group, resolveOrganisationChoice(org.choices), 1);
    return tally.done();
  }

  /**
   * The running tally of a ballot counted by person, read together with the ballot itself: null unless
   * the ballot shows one (open, roll-call, live tallies), checked in the same statement, so the votes of
   * a ballot that does not are never scanned. The caller still decides by the ballot it read.
   */
  async personTallyIfShown(ballotId: string): Promise<RunningTally | null> {
    const rows: PersonTallyRow[] = await this.dataSource.query(
      personTallySql(
        `AND EXISTS (SELECT 1 FROM ballots b WHERE b.id = $1 AND b.status = 'open' AND b.visibility = 'roll-call' AND b.tallies = 'live' AND b.counting_unit = 'person')`,
      ),
      [ballotId],
    );
    return rows.length > 0 ? tallyOfPersonRows(rows) : null;
  }

  /**
   * One page of the roll call, by name then id (keyset). `onlyIfPublished`: read together with the ballot itself, so empty unless the ballot publishes its roll
   * call (a roll-call ballot; its visibility never changes). The caller still decides by the ballot it read.
   */
  async rollCallPage(ballotId: string, after: { name: string; id: string } | null, limit: number, o: { onlyIfPublished?: boolean } = {}): Promise<RollCallRow[]> {
    const published = o.onlyIfPublished ? `AND EXISTS (SELECT 1 FROM ballots b WHERE b.id = $1 AND b.visibility = 'roll-call')` : '';
    // The page's electors first (the roll-call index, in order), then their votes: never a join over all of a large ballot's votes.
    const rows = await this.dataSource.query(
      `SELECT e.person_id AS "personId", e.name, e.snapshot, v.choice, v.reason, v.changed_at AS "changedAt", v.cast_by AS "castById", cb.name AS "castByName"
         FROM (SELECT ballot_id, person_id, name, snapshot FROM ballot_electors
                WHERE ballot_id = $1 AND ($2::text IS NULL OR (name, person_id) > ($2::text, $3::uuid)) ${published}
                ORDER BY name, person_id LIMIT $4) e
         LEFT JOIN votes v ON v.ballot_id = e.ballot_id AND v.voter_id = e.person_id LEFT JOIN people cb ON cb.id = v.cast_by
        ORDER BY e.name, e.person_id`,
      [ballotId, after?.name ?? null, after?.id ?? null, limit],
    );
    return rows;
  }

  /** Everything the engine needs to decide the ballot: read once, at close. */
  async electorateAndVotes(
    manager: EntityManager,
    ballotId: string,
  ): Promise<{ electors: ElectorRow[]; votes: { voterId: string; choice: VoteChoice; reason: string | null }[] }> {
    const electors: ElectorRow[] = await manager.query(
      `SELECT person_id AS "personId", name, snapshot FROM ballot_electors WHERE ballot_id = $1 ORDER BY name, person_id`,
      [ballotId],
    );
    const votes = await manager.query(`SELECT voter_id AS "voterId", choice, reason FROM votes WHERE ballot_id = $1 ORDER BY changed_at, voter_id`, [ballotId]);
    return { electors, votes };
  }

  async markClosed(manager: EntityManager, id: string, c: { closedAt: Date; closedBy: string | null; reason: string | null; result: unknown; outcome: string }): Promise<void> {
    // A CTE, so the driver answers rows (an UPDATE alone answers [rows, count]).
    const rows = await manager.query(
      `WITH closed AS (UPDATE ballots SET status = 'closed', closed_at = $2, closed_by = $3, result = $4, outcome = $5, close_reason = $6 WHERE id = $1 AND status = 'open' RETURNING id) SELECT id FROM closed`,
      [id, c.closedAt, c.closedBy, JSON.stringify(c.result), c.outcome, c.reason],
    );
    if (rows.length !== 1) throw new Error(`ballot ${id} was not open when closing it`);
  }

  /** Ballots taking votes now, soonest close first (ballots_due_idx), each with how many have voted, and how many there are in all. */
  async acceptingVotes(now: Date, limit: number): Promise<{ rows: BallotListRow[]; total: number }> {
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${BALLOT_COLUMNS}, (SELECT count(*)::int FROM votes v WHERE v.ballot_id = b.id) AS votes_cast
           FROM ballots b WHERE b.status = 'open' AND b.closes_at > $1 ORDER BY b.closes_at, b.id LIMIT $2`,
        [now, limit],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM ballots WHERE status = 'open' AND closes_at > $1`, [now]),
    ]);
    return { rows: rows.map((r: Record<string, any>) => ({ ballot: toBallot(r), votesCast: r.votes_cast })), total: n };
  }

  /**
   * Ballots taking votes now whose frozen electorate holds this person, who is still a voting member
   * of the group (decision 0015), and on which they have not voted, soonest close first: open ballots (ballots_due_idx) probed by primary key in the electorate and the votes.
   */
  async awaitingVoteOf(personId: string, now: Date, limit: number): Promise<{ rows: BallotListRow[]; total: number }> {
    const where = `b.status = 'open' AND b.closes_at > $2
        AND EXISTS (SELECT 1 FROM ballot_electors e WHERE e.ballot_id = b.id AND e.person_id = $1)
        AND EXISTS (SELECT 1 FROM memberships m WHERE m.working_group_id = b.working_group_id AND m.person_id = $1 AND m.left_at IS NULL AND m.kind = 'member')
        AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.ballot_id = b.id AND v.voter_id = $1)`;
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${BALLOT_COLUMNS}, (SELECT count(*)::int FROM votes v WHERE v.ballot_id = b.id) AS votes_cast
           FROM ballots b WHERE ${where} ORDER BY b.closes_at, b.id LIMIT $3`,
        [personId, now, limit],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM ballots b WHERE ${where}`, [personId, now]),
    ]);
    return { rows: rows.map((r: Record<string, any>) => ({ ballot: toBallot(r), votesCast: r.votes_cast })), total: n };
  }

  /** A group's ballots, newest first (keyset on opened_at, id), each with how many have voted. */
  async listForGroup(
    workingGroupId: string,
    q: { status?: BallotStatus; limit: number; after: { openedAt: string; id: string } | null },
  ): Promise<BallotListRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${BALLOT_COLUMNS}, (SELECT count(*)::int FROM votes v WHERE v.ballot_id = b.id) AS votes_cast
         FROM ballots b
        WHERE b.working_group_id = $1 AND ($2::text IS NULL OR b.status = $2)
          AND ($3::timestamptz IS NULL OR (b.opened_at, b.id) < ($3::timestamptz, $4::uuid))
        ORDER BY b.opened_at DESC, b.id DESC LIMIT $5`,
      [workingGroupId, q.status ?? null, q.after?.openedAt ?? null, q.after?.id ?? null, q.limit],
    );
    return rows.map((r: Record<string, any>) => ({ ballot: toBallot(r), votesCast: r.votes_cast }));
  }
}
