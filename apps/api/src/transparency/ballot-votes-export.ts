import { Injectable } from '@nestjs/common';
import type { BallotResponse, RollCallEntryResponse } from '@parley/contracts';
import { BallotReads } from '../decisions/ballot-reads.service';
import { refuse } from '../platform/http/problem';
import { toCsv } from '../platform/http/csv';

export const ROLL_CALL_COLUMNS = [
  'ballot_id',
  'ballot_title',
  'ballot_status',
  'voter_id',
  'voter',
  'title',
  'organisation_id',
  'organisation',
  'organisation_verified',
  'stakeholder_group',
  'subtype',
  'country',
  'voted',
  'choice',
  'reason',
  'changed_at',
] as const;
export const TOTALS_COLUMNS = [
  'ballot_id',
  'ballot_title',
  'outcome',
  'breakdown',
  'stakeholder_group',
  'subtype',
  'eligible',
  'yes',
  'no',
  'abstain',
  'recuse',
  'not_voted',
  'withheld',
] as const;
const PAGE = 500;

/** A ballot's votes as a spreadsheet, read through the decisions context: the roll call, or for a secret ballot only its totals. */
@Injectable()
export class BallotVotesExport {
  constructor(private readonly ballots: BallotReads) {}

  async csv(ballotId: string): Promise<{ filename: string; body: string }> {
    const ballot = await this.ballots.get(ballotId, null);
    const filename = `ballot-${ballot.id}-votes.csv`;
    if (ballot.visibility === 'secret') return { filename, body: this.totals(ballot) };
    const entries: RollCallEntryResponse[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.ballots.rollCall(ballotId, { limit: PAGE, cursor });
      entries.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return {
      filename,
      body: toCsv(
        ROLL_CALL_COLUMNS,
        entries.map((e) => [
          ballot.id,
          ballot.title,
          ballot.status,
          e.voter.id,
          e.voter.name,
          e.snapshot.title,
          e.snapshot.organisationId,
          e.snapshot.organisationName,
          e.snapshot.organisationVerified,
          e.snapshot.stakeholderGroup,
          e.snapshot.subtype,
          e.snapshot.country,
          e.voted,
          e.choice,
          e.reason,
          e.changedAt,
        ]),
      ),
    };
  }

  /**
   * A secret ballot publishes its totals and breakdowns by stakeholder group and sub-type, once
   * closed; never a voter's choice. A row withheld by disclosure control has empty counts and
   * `withheld` true (decision record 0014).
   */
  private totals(ballot: BallotResponse): string {
    const r = ballot.result;
    if (!r) throw refuse('secret-ballot-votes');
    type Counts = { yes: number | null; no: number | null; abstain: number | null; recuse: number | null; notVoted: number | null; withheld?: boolean };
    const row = (breakdown: string, group: string, subtype: string, c: Counts, eligible: number) => [
      ballot.id,
      ballot.title,
      r.outcome,
      breakdown,
      group,
      subtype,
      eligible,
      c.yes,
      c.no,
      c.abstain,
      c.recuse,
      c.notVoted,
      c.withheld === true,
    ];
    return toCsv(TOTALS_COLUMNS, [
      row('total', '', '', r.totals, r.electorate.size),
      ...r.byStakeholderGroup.map((g) => row('stakeholder-group', g.stakeholderGroup, '', g, g.eligible)),
      ...r.bySubtype.map((s) => row('subtype', s.stakeholderGroup, s.subtype, s, s.eligible)),
    ]);
  }
}
