import { Injectable } from '@nestjs/common';
import { workingGroupScope } from '@parley/domain';
import type { AddTranslationRequest, PersonTranslation, UnLanguage } from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { authorise, notFound, validationProblem } from '../platform/http/problem';
import { VersionVisibility } from '../procedures/publication/version-visibility';
import { AmendmentRepository } from './amendment.repository';
import { CommentRepository } from './comment.repository';
import { DocumentRepository } from './document.repository';
import { canAddParticipantTranslation } from './drafting.policy';
import { DraftingStandings } from './drafting-standings';
import { PersonTranslationRepository } from './person-translation.repository';

/** A translation must be into another language than the original's (when the original's is known). */
function requireOtherLanguage(original: UnLanguage | null, input: AddTranslationRequest): void {
  if (original !== null && original === input.language) throw validationProblem('language', 'translation-same-language');
}

/**
 * Translations participants add of a comment or of an amendment's rationale (decision 0047): any
 * member of the group (canAddParticipantTranslation), recorded with their affiliation then, one audit event each.
 * They are the participant's, never the official text: no machine translation is presented as such.
 */
@Injectable()
export class PersonTranslationService {
  constructor(
    private readonly translations: PersonTranslationRepository,
    private readonly comments: CommentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly documents: DocumentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly visibility: VersionVisibility,
    private readonly tx: AuditedTransaction,
  ) {}

  async translateComment(actor: Actor, commentId: string, input: AddTranslationRequest): Promise<PersonTranslation> {
    return this.tx.run(async (tx) => {
      const comment = await this.comments.findRow(commentId, tx.manager);
      if (!comment) throw notFound('comment');
      const doc = (await this.documents.findDocument(comment.documentId, tx.manager))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canAddParticipantTranslation(standing));
      (await this.visibility.lens(actor, doc)).assertReadable(comment.versionNumber);
      requireOtherLanguage(comment.writtenLanguage, input);
      const snapshot = standing.currentSnapshot!;
      const translation = await this.translations.insert(tx.manager, {
        documentId: doc.id,
        subject: { commentId: comment.id },
        language: input.language,
        text: input.text,
        translatorId: actor.id,
        snapshot,
        at: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'comment.translated',
        subjectType: 'comment',
        subjectId: comment.id,
        change: { documentId: doc.id, clauseId: comment.clauseId, translationId: translation.id, language: input.language, writtenLanguage: comment.writtenLanguage, text: input.text },
      });
      return translation;
    });
  }

  async translateRationale(actor: Actor, amendmentId: string, input: AddTranslationRequest): Promise<PersonTranslation> {
    return this.tx.run(async (tx) => {
      const amendment = await this.amendments.findRow(amendmentId, tx.manager);
      if (!amendment) throw notFound('amendment');
      const doc = (await this.documents.findDocument(amendment.documentId, tx.manager))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canAddParticipantTranslation(standing));
      (await this.visibility.lens(actor, doc)).assertReadable(amendment.baseVersion);
      requireOtherLanguage(amendment.writtenLanguage, input);
      const snapshot = standing.currentSnapshot!;
      const translation = await this.translations.insert(tx.manager, {
        documentId: doc.id,
        subject: { amendmentId: amendment.id },
        language: input.language,
        text: input.text,
        translatorId: actor.id,
        snapshot,
        at: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'amendment.rationale-translated',
        subjectType: 'amendment',
        subjectId: amendment.id,
        change: { documentId: doc.id, translationId: translation.id, language: input.language, writtenLanguage: amendment.writtenLanguage, text: input.text },
      });
      return translation;
    });
  }
}
