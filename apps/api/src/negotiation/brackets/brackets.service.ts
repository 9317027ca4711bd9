import { Injectable } from '@nestjs/common';
import { rangesOverlap, workingGroupScope, locatePassage } from '@parley/domain';
import { refusal, type BracketView, type OpenBracketRequest, type ProposeOptionRequest, type RemoveBracketRequest } from '@parley/contracts';
import type { ChainTx } from '../../platform/batching/chain-batcher';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { authorise, notFound, refuse, refused, validationProblem } from '../../platform/http/problem';
import { DocumentRepository } from '../../drafting/document.repository';
import type { DocumentEntity } from '../../drafting/document.entity';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { DraftingChains } from '../../drafting/drafting-chains';
import { BracketReads } from './bracket-reads.service';
import { BracketRepository } from './bracket.repository';
import { canOpenBracket, canProposeOption, canRemoveBracket } from './brackets.policy';

/**
 * What changes brackets: a delegation opens one on a passage of the current version (with options),
 * another proposes a competing option, a chair or rapporteur removes it with a reason. Each act is one
 * audited transaction (published live to the document's room after commit), with the actor's
 * affiliation snapshot stored beside it.
 */
@Injectable()
export class BracketsService {
  constructor(
    private readonly brackets: BracketRepository,
    private readonly reads: BracketReads,
    private readonly documents: DocumentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly chains: DraftingChains,
  ) {}

  async open(actor: Actor, documentId: string, input: OpenBracketRequest): Promise<BracketView> {
    const id = await this.chains.run({ document: documentId }, async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canOpenBracket(standing));
      this.requireDrafting(doc);
      if (input.version !== doc.currentVersion) {
        if (!(await this.documents.findVersion(doc.id, input.version, tx.manager)))
          throw validationProblem('version', 'no-such-version', { version: input.version });
        throw refused(refusal('bracket-on-old-version', { version: input.version, current: doc.currentVersion }), 'version');
      }
      const version = (await this.documents.findVersion(doc.id, input.version, tx.manager))!;
      const clause = await this.documents.clauseOf(version.id, input.clauseId, tx.manager);
      if (!clause) throw validationProblem('clauseId', 'not-a-clause', { version: input.version });
      if (input.end > clause.text.length || clause.text.slice(input.start, input.end) !== input.passage) throw refused(refusal('passage-mismatch'), 'passage');
      for (const other of await this.brackets.openInClause(doc.id, clause.clauseId, tx.manager)) {
        const at = locatePassage(clause.text, other.passage, other.passageStart);
        if (at && rangesOverlap(at, { start: input.start, end: input.end }))
          throw refused(refusal('brackets-overlap', { start: at.start, end: at.end }), 'start');
      }
      const snapshot = standing.currentSnapshot!;
      const bracketId = await this.brackets.insert(tx.manager, {
        documentId: doc.id,
        versionId: version.id,
        openedInVersion: version.number,
        clauseId: clause.clauseId,
        passage: input.passage,
        start: input.start,
        end: input.end,
        reason: input.reason.trim(),
        by: actor.id,
        snapshot,
        at: tx.now,
      });
      const options = [];
      for (const o of input.options ?? []) {
        const rationale = o.rationale?.trim() || null;
        const optionId = await this.brackets.insertOption(tx.manager, { bracketId, text: o.text, rationale, by: actor.id, snapshot, at: tx.now });
        options.push({ optionId, text: o.text, rationale });
      }
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'bracket.opened',
        subjectType: 'bracket',
        subjectId: bracketId,
        change: {
          documentId: doc.id,
          version: version.number,
          clauseId: clause.clauseId,
          passage: input.passage,
          start: input.start,
          end: input.end,
          reason: input.reason.trim(),
          options,
        },
      });
      return bracketId;
    });
    return this.reads.one(actor, id);
  }

  /** A voting member (often of another delegation) proposes a competing wording for an open bracket. */
  async proposeOption(actor: Actor, bracketId: string, input: ProposeOptionRequest): Promise<BracketView> {
    await this.chains.run({ bracket: bracketId }, async (tx) => {
      const { doc, bracket } = await this.lockBracket(tx, bracketId);
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canProposeOption(standing));
      this.requireDrafting(doc);
      if (bracket.resolution) throw refuse('bracket-removed', { resolution: bracket.resolution });
      const rationale = input.rationale?.trim() || null;
      const optionId = await this.brackets.insertOption(tx.manager, {
        bracketId,
        text: input.text,
        rationale,
        by: actor.id,
        snapshot: standing.currentSnapshot!,
        at: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'bracket.option-proposed',
        subjectType: 'bracket',
        subjectId: bracketId,
        change: { documentId: doc.id, clauseId: bracket.clauseId, optionId, text: input.text, rationale },
      });
    });
    return this.reads.one(actor, bracketId);
  }

  /** A chair or rapporteur removes an open bracket, once, with a reason: by choosing one of its options, or agreeing the text as it reads. */
  async remove(actor: Actor, bracketId: string, input: RemoveBracketRequest): Promise<BracketView> {
    await this.chains.run({ bracket: bracketId }, async (tx) => {
      const { doc, bracket } = await this.lockBracket(tx, bracketId);
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canRemoveBracket(standing));
      this.requireDrafting(doc);
      if (bracket.resolution) throw refuse('bracket-removed', { resolution: bracket.resolution });
      const chosen = input.resolution === 'option-chosen' ? bracket.options.find((o) => o.id === input.optionId) : undefined;
      if (input.resolution === 'option-chosen' && !chosen) throw refused(refusal('option-not-in-bracket'), 'optionId');
      // A streamlined-away option is no longer a live alternative: its substance lives in the option it was merged into.
      if (chosen?.mergedInto) throw refused(refusal('option-merged', { optionId: chosen.id, mergedInto: chosen.mergedInto }), 'optionId');
      const reason = input.reason.trim();
      await this.brackets.remove(tx.manager, bracketId, {
        resolution: input.resolution,
        optionId: chosen?.id ?? null,
        reason,
        by: actor.id,
        snapshot: standing.currentSnapshot!,
        at: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'bracket.removed',
        subjectType: 'bracket',
        subjectId: bracketId,
        change: {
          documentId: doc.id,
          clauseId: bracket.clauseId,
          passage: bracket.passage,
          resolution: input.resolution,
          optionId: chosen?.id ?? null,
          optionText: chosen?.text ?? null,
          reason,
        },
      });
    });
    return this.reads.one(actor, bracketId);
  }

  /** The bracket and its document, the document row-locked first (as every drafting write), then the bracket. */
  private async lockBracket(tx: ChainTx, bracketId: string) {
    const probe = await this.brackets.find(bracketId, tx.manager);
    if (!probe) throw notFound('bracket');
    const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
    const bracket = (await this.brackets.find(bracketId, tx.manager, true))!;
    return { doc, bracket };
  }

  private requireDrafting(doc: DocumentEntity): void {
    if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
  }
}
