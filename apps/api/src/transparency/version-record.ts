import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BallotResponse, BracketView, DocumentResponse, SignatoriesResponse } from '@parley/contracts';
import { BallotReads } from '../decisions/ballot-reads.service';
import { DocumentReads } from '../drafting/document-reads.service';
import { EndorsementService } from '../endorsements/endorsement.service';
import type { Actor } from '../identity/actor';
import { refuse } from '../platform/http/problem';
import { BracketReads } from '../negotiation/brackets/bracket-reads.service';
import { explanationsOn, versionFacts, type VersionExplanations } from '../procedures/explanations/explanations.reads';

/** How a version was adopted and what was placed on the record about it. */
export interface AdoptionRecord {
  /** The adoption ballot; null when a silence procedure adopted it (decision 0036). */
  ballot: BallotResponse | null;
  silence: { deadline: string } | null;
  explanations: VersionExplanations;
  signatories: SignatoriesResponse;
}

/** What an export of one version says: the version as the reader may read it, its open brackets, and its adoption once adopted. */
export interface VersionRecord {
  doc: DocumentResponse;
  /** Passages still in square brackets in this version (decision 0031), located in its text. */
  brackets: BracketView[];
  adoption: AdoptionRecord | null;
}

/**
 * The facts every export of a version reads (the adopted-text Markdown, the print PDF), through the
 * drafting, decisions, negotiation, procedures and endorsements reads, so each says what their pages
 * say. A version still circulated to members only is refused to anyone else (decision 0041).
 */
@Injectable()
export class VersionRecordReads {
  constructor(
    private readonly documents: DocumentReads,
    private readonly ballots: BallotReads,
    private readonly endorsements: EndorsementService,
    private readonly bracketReads: BracketReads,
    private readonly dataSource: DataSource,
  ) {}

  async read(reader: Actor | null, documentId: string, n: number): Promise<VersionRecord> {
    const doc = await this.documents.get(reader, documentId, n);
    const v = doc.version;
    if (v.publication?.withheld)
      throw refuse('version-members-only', { version: n, until: v.publication.membersOnlyUntil, fingerprint: v.publication.fingerprint });
    const adopted = v.adoptedAt !== null && (v.adoptionBallotId !== null || v.adoptionSilence !== null);
    const [brackets, adoption] = await Promise.all([this.bracketReads.located(documentId, n, { openOnly: true }), adopted ? this.adoption(doc) : null]);
    return { doc, brackets, adoption };
  }

  private async adoption(doc: DocumentResponse): Promise<AdoptionRecord> {
    const v = doc.version;
    const manager = this.dataSource.manager;
    const [ballot, signatories, explanations] = await Promise.all([
      v.adoptionBallotId ? this.ballots.get(v.adoptionBallotId, null) : null,
      this.endorsements.signatories(doc.id, v.number, null),
      versionFacts(manager, doc.id, v.number).then((facts) => explanationsOn(manager, doc.id, facts!)),
    ]);
    return { ballot, silence: v.adoptionSilence ? { deadline: v.adoptionSilence.deadline } : null, explanations, signatories };
  }
}
