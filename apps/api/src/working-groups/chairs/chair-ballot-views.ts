import { Injectable } from '@nestjs/common';
import type { ChairConfirmationSubjectView, ChairRemovalSubjectView } from '@parley/contracts';
import { PeopleRepository } from '../../identity/people.repository';
import { toDeclarationResponse } from '../../identity/people.service';
import { ChairTermRepository } from '../chair-term.repository';

/**
 * What a chair ballot decides, as its page shows it: the person, their declared interests as they
 * stand now, and the nomination or motion in data (the page words it in the reader's language).
 */
@Injectable()
export class ChairBallotViews {
  constructor(
    private readonly terms: ChairTermRepository,
    private readonly people: PeopleRepository,
  ) {}

  async confirmation(nominationId: string | null): Promise<ChairConfirmationSubjectView | null> {
    if (!nominationId) return null;
    const n = await this.terms.findNomination(nominationId);
    if (!n) return null;
    const declarations = await this.people.declarationsOf(n.nomineeId);
    return {
      type: 'chair-confirmation',
      nominationId: n.id,
      nominationStatus: n.status,
      nominee: { id: n.nomineeId, name: n.nomineeName, snapshot: n.nomineeSnapshot },
      declarations: declarations.map(toDeclarationResponse),
      statement: n.statement,
      termEndsOn: n.termEndsOn,
      nominatedBy: { id: n.nominatedBy, name: n.nominatorName, snapshot: n.nominatorSnapshot },
    };
  }

  async removal(ballotId: string, termId: string | null): Promise<ChairRemovalSubjectView | null> {
    if (!termId) return null;
    const [term, motion] = await Promise.all([this.terms.findTerm(termId), this.terms.removalMotionByBallot(ballotId)]);
    if (!term) return null;
    const declarations = await this.people.declarationsOf(term.personId);
    return {
      type: 'chair-removal',
      chairTermId: term.id,
      chair: { id: term.personId, name: term.personName, snapshot: term.snapshot },
      declarations: declarations.map(toDeclarationResponse),
      termStartedAt: new Date(term.startedAt).toISOString(),
      proposedBy: motion ? { id: motion.proposedBy, name: motion.proposerName, snapshot: motion.proposerSnapshot } : null,
      reason: motion?.reason ?? null,
    };
  }
}
