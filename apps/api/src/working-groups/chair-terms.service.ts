import { Injectable } from '@nestjs/common';
import type { ChairTermListQuery, ChairTermListResponse, ChairTermResponse } from '@parley/contracts';
import { PeopleRepository } from '../identity/people.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { Clock } from '../platform/clock/clock';
import { toCsv } from '../platform/http/csv';
import { notFound } from '../platform/http/problem';
import { ChairTermRepository, type ChairTermFilter } from './chair-term.repository';
import { toChairTermResponse } from './working-group.views';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who chaired what: every chair term across groups, filtered, as JSON or CSV. */
@Injectable()
export class ChairTermsService {
  constructor(
    private readonly terms: ChairTermRepository,
    private readonly people: PeopleRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {}

  async list(q: Omit<ChairTermListQuery, 'format'>): Promise<ChairTermListResponse> {
    const filter: ChairTermFilter = {
      personId: q.person,
      organisationId: q.organisation,
      stakeholderGroup: q.group,
      workingGroupIds: q.workingGroup ? [q.workingGroup] : undefined,
      from: q.from ? new Date(`${q.from}T00:00:00.000Z`) : undefined,
      // `to` is a day, inclusive: terms starting before the next midnight overlap it.
      toExclusive: q.to ? new Date(Date.parse(`${q.to}T00:00:00.000Z`) + DAY_MS) : undefined,
    };
    const now = this.clock.now();
    return { items: (await this.terms.terms(filter)).map((t) => toChairTermResponse(t, now)) };
  }

  async ofPerson(personId: string): Promise<ChairTermListResponse> {
    if (!(await this.people.findById(personId))) throw notFound('person');
    return this.list({ person: personId });
  }

  async ofOrganisation(organisationId: string): Promise<ChairTermListResponse> {
    if (!(await this.organisations.findById(organisationId))) throw notFound('organisation');
    return this.list({ organisation: organisationId });
  }

  async csv(q: Omit<ChairTermListQuery, 'format'>): Promise<string> {
    return toChairTermsCsv((await this.list(q)).items);
  }
}

export const CHAIR_TERM_CSV_COLUMNS = [
  'term_id',
  'working_group_id',
  'working_group',
  'person_id',
  'person',
  'organisation_id',
  'organisation',
  'stakeholder_group',
  'subtype',
  'country',
  'title',
  'organisation_verified',
  'started_at',
  'ends_at',
  'ended_at',
  'end_reason',
  'end_note',
  'state',
  'confirmed',
  'confirming_ballot_id',
  'ballot_outcome',
  'ballot_closed_at',
  'ballot_yes',
  'ballot_no',
  'ballot_abstain',
] as const;

/** Chair terms as CSV, one row per term. */
export function toChairTermsCsv(terms: ChairTermResponse[]): string {
  const rows = terms.map((t) => [
    t.id,
    t.workingGroup.id,
    t.workingGroup.name,
    t.person.id,
    t.person.name,
    t.snapshot.organisationId,
    t.snapshot.organisationName,
    t.snapshot.stakeholderGroup,
    t.snapshot.subtype,
    t.snapshot.country ?? '',
    t.snapshot.title,
    String(t.snapshot.organisationVerified),
    t.startedAt,
    t.endsAt ?? '',
    t.endedAt ?? '',
    t.endReason ?? '',
    t.endNote ?? '',
    t.state,
    t.confirmed ? 'yes' : 'no',
    t.confirmingBallot?.id ?? '',
    t.confirmingBallot?.outcome ?? '',
    t.confirmingBallot?.closedAt ?? '',
    t.confirmingBallot?.totals ? String(t.confirmingBallot.totals.yes) : '',
    t.confirmingBallot?.totals ? String(t.confirmingBallot.totals.no) : '',
    t.confirmingBallot?.totals ? String(t.confirmingBallot.totals.abstain) : '',
  ]);
  return toCsv(CHAIR_TERM_CSV_COLUMNS, rows);
}
