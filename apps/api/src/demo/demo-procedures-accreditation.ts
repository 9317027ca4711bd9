import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../identity/actor';
import { AccreditationService } from '../procedures/accreditation/accreditation.service';
import { MembershipService } from '../working-groups/membership.service';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';

export const DEMO_NORMS_GROUP = 'Working group on international norms';
/** Who asks to join the norms group under non-objection, who objects, and the chair who decides. */
export const DEMO_ACCREDITATION = {
  applicant: 'Internet Society',
  objector: 'United Kingdom',
  chair: 'Microsoft',
} as const;

/**
 * Accreditation by non-objection (issue #19, decision record 0039) in the norms group, between
 * day 171 09:00 and day 168 12:00, through the same use cases as real use: a chair sets the group's
 * join policy to non-objection with a 24-hour circulation; the Internet Society, not yet in the group, asks to join
 * as an observer; the United Kingdom objects, signed and reasoned; after the circulation the chair
 * admits the Internet Society with the objection acknowledged and a reason. All of it public.
 *
 * The 24-hour period keeps the later steps of the demo as they were: Access Now's request (day 158,
 * decided day 157 15:00) is circulated too, for 24 hours, and admitted after it without objection.
 */
@Injectable()
export class DemoProceduresAccreditation {
  private readonly logger = new Logger(DemoProceduresAccreditation.name);

  constructor(
    private readonly accreditation: AccreditationService,
    private readonly membership: MembershipService,
  ) {}

  async seed(people: DemoPeople, groupIds: Map<string, string>, history: DemoHistory): Promise<void> {
    const groupId = groupIds.get(DEMO_NORMS_GROUP);
    if (!groupId) return;
    const d = (organisation: string): Actor => {
      const delegate = people.delegates.get(organisation);
      if (!delegate) throw new Error(`demo accreditation: no delegate for ${organisation}`);
      return delegate;
    };
    const chair = d(DEMO_ACCREDITATION.chair);

    history.on(171, 9);
    await this.accreditation.changeRules(chair, groupId, {
      joinPolicy: 'non-objection',
      procedureRules: { nonObjectionHours: 24 },
      note: 'Stakeholders are admitted on a non-objection basis, as in the OEWG, but every objection is signed, reasoned and public.',
    });

    history.on(171, 10);
    const request = await this.membership.requestToJoin(d(DEMO_ACCREDITATION.applicant), groupId, {
      kind: 'observer',
      statement: 'The Internet Society supports the open development of the Internet’s protocols and would follow the work on the public core of the Internet (principle 2).',
    });

    history.on(171, 16, 30);
    const objected = await this.accreditation.raise(d(DEMO_ACCREDITATION.objector), groupId, request.id, {
      reason: 'The request does not say whether the Society would speak for its staff or for its chapters, some of which are funded by governments. We ask that this be made clear before admission.',
    });

    history.on(168, 12);
    await this.membership.decide(chair, groupId, request.id, {
      decision: 'admit',
      acknowledgedObjections: objected.objections.filter((o) => o.withdrawnAt === null).map((o) => o.id),
      reason: 'The Internet Society confirmed in writing that its staff speak for the Society, not for its chapters; as an observer it does not vote. The United Kingdom’s objection is acknowledged and stays on the record.',
    });
    this.logger.log('Demo accreditation by non-objection loaded in the norms group');
  }
}
