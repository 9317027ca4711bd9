import { AdoptionGuards } from '../../drafting/adoption-preflight';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { planChairsText, suggestChairsTextLabel, workingGroupScope } from '@parley/domain';
import type { ChairsTextSuggestionResponse, ConsolidationReport, DocumentResponse, IssueChairsTextRequest } from '@parley/contracts';
import { DataSource } from 'typeorm';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { AmendmentRepository } from '../../drafting/amendment.repository';
import { DocumentReads } from '../../drafting/document-reads.service';
import { DocumentRepository } from '../../drafting/document.repository';
import { DocumentService } from '../../drafting/document.service';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { textDigest, toClause } from '../../drafting/drafting.mapper';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { authorise, notFound, refuse, validationProblem } from '../../platform/http/problem';
import { BracketRepository } from '../brackets/bracket.repository';
import { ChairsTextRepository } from './chairs-texts.repository';
import { canIssueChairsText } from './chairs-texts.policy';
import { VersionVisibility } from '../../procedures/publication/version-visibility';
import { Citations, type CheckedCitation, type CitationLookups } from '../../drafting/citations';

/**
 * Chair's texts (decision 0033): a chair or rapporteur writes the next version themselves, as the
 * chair's (co-facilitators', secretariat's) text, with a label and standing; they hold the pen and
 * their affiliation at that moment is on record. Open amendments follow the rule consolidation
 * applies (DocumentService.openAmendmentsAfter): outdated when their clause changed or went,
 * carried forward otherwise. Accepted amendments or chosen bracket options still waiting are refused:
 * consolidate first.
 */
@Injectable()
export class ChairsTextService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly brackets: BracketRepository,
    private readonly drafting: DocumentService,
    private readonly reads: DocumentReads,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly chairsTexts: ChairsTextRepository,
    private readonly tx: AuditedTransaction,
    private readonly dataSource: DataSource,
    private readonly adoptionGuards: AdoptionGuards,
    private readonly visibility: VersionVisibility,
    private readonly citations: Citations,
  ) {}

  /** The label the next chair's text is suggested ("Zero draft", then "Rev.1"…), and what would stop it now. */
  async suggestion(documentId: string): Promise<ChairsTextSuggestionResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const [labels, acceptedWaiting, chosen] = await Promise.all([
      this.chairsTexts.labelsOf(doc.id),
      this.documents.acceptedWaiting(doc.id),
      this.brackets.chosenUnconsolidated(doc.id),
    ]);
    return { documentId: doc.id, basedOn: doc.currentVersion, label: suggestChairsTextLabel(labels), acceptedWaiting, chosenWaiting: chosen.length };
  }

  async issue(actor: Actor, documentId: string, input: IssueChairsTextRequest): Promise<DocumentResponse> {
    const membersOnlyUntil = this.visibility.checkUntil(input.membersOnlyUntil);
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canIssueChairsText(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      const openAdoption = await this.amendments.openAdoptionBallot(doc.id, tx.manager);
      if (openAdoption) throw refuse('chairs-text-during-adoption', { version: openAdoption.versionNumber });
      await this.adoptionGuards.beforeAdoption(tx.manager, doc.id, 'new-version');
      const accepted = (await this.amendments.acceptedUnapplied(tx.manager, doc.id, true)).length;
      const chosen = (await this.brackets.chosenUnconsolidated(doc.id, tx.manager)).length;
      if (accepted > 0 || chosen > 0) throw refuse('consolidate-first', { accepted, chosen });

      const current = (await this.documents.findVersion(doc.id, doc.currentVersion, tx.manager))!;
      const before = (await this.documents.clausesOf(current.id, tx.manager)).map(toClause);
      const plan = planChairsText(before, input.clauses, () => randomUUID());
      if (!plan.ok) {
        const { index, field, code } = plan.problem;
        const where = `clauses.${index}.${field}`;
        throw code === 'not-a-clause' ? validationProblem(where, 'not-a-clause', { version: doc.currentVersion }) : validationProblem(where, code === 'duplicate-clause' ? 'duplicate-clause' : 'invalid');
      }

      // Agreed language each clause quotes, checked against the adopted texts before anything is written (decision 0054).
      const cited: { clauseId: string; citations: CheckedCitation[] }[] = [];
      const seen: CitationLookups = new Map();
      for (const [i, c] of input.clauses.entries()) {
        const checked = await this.citations.check(tx.manager, actor, c.text, c.citations, `clauses.${i}.citations`, seen);
        if (checked.length > 0) cited.push({ clauseId: plan.clauses[i].id, citations: checked });
      }

      const next = doc.currentVersion + 1;
      const { outdated, why, carriedForward } = await this.drafting.openAmendmentsAfter(tx.manager, doc.id, next, plan.clauses);
      const report: ConsolidationReport = { applied: [], notApplied: [], outdated, carriedForward };
      const snapshot = standing.currentSnapshot!;
      const label = input.label.trim();
      const symbol = input.symbol?.trim() || null;
      const note = input.note?.trim() || null;
      const versionId = await this.chairsTexts.insertVersion(tx.manager, {
        documentId: doc.id,
        number: next,
        createdBy: actor.id,
        snapshot,
        at: tx.now,
        consolidation: report,
        note,
        label,
        symbol,
        standing: input.standing,
        office: input.office,
      });
      await this.documents.insertClauses(tx.manager, versionId, plan.clauses.map((c) => ({ clauseId: c.id, kind: c.kind, text: c.text })));
      await this.documents.advanceVersion(tx.manager, doc.id, next);
      await this.amendments.carryForward(tx.manager, carriedForward, next);
      const membersOnly = await this.visibility.issue(tx, membersOnlyUntil, { versionId, documentId: doc.id, by: actor.id, clauses: plan.clauses });
      for (const c of cited) await this.citations.record(tx.manager, { documentId: doc.id, amendmentId: null, versionId, at: tx.now }, c.clauseId, c.citations);

      const auditActor = await this.people.auditActorWith(tx.manager, actor.id, snapshot);
      const scope = workingGroupScope(doc.workingGroupId);
      await tx.record({
        scope,
        actor: auditActor,
        action: 'version.chairs-text-issued',
        subjectType: 'version',
        subjectId: versionId,
        change: {
          documentId: doc.id,
          number: next,
          previous: doc.currentVersion,
          label,
          symbol,
          standing: input.standing,
          office: input.office,
          penHolder: { id: actor.id, name: auditActor.name ?? actor.name, snapshot },
          changed: plan.changes.changed,
          added: plan.changes.added,
          removed: plan.changes.removed,
          outdated,
          carriedForward,
          clauses: plan.clauses.length,
          textDigest: textDigest(plan.clauses),
          note,
          ...membersOnly,
          ...(cited.length > 0
            ? {
                citations: cited.flatMap((c) =>
                  c.citations.map((x) => ({ inClause: c.clauseId, documentId: x.input.documentId, version: x.input.version, clauseId: x.input.clauseId, passage: x.passage })),
                ),
              }
            : {}),
        },
      });
      await this.drafting.recordOutdated(tx, { scope, actor: auditActor, documentId: doc.id, next }, outdated, why);
    });
    return this.reads.get(actor, documentId);
  }
}
