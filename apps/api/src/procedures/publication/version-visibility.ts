import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isMembersOnly, membersOnlyUntilProblem, readsMembersOnly, versionTextDigest, type FingerprintedClause } from '@parley/domain';
import type { VersionPublicationView } from '@parley/contracts';
import type { Tx } from '../../audit/audited-transaction';
import { Clock } from '../../platform/clock/clock';
import { refuse, validationProblem } from '../../platform/http/problem';
import { WorkingGroupAccess } from '../../working-groups/working-group-access';
import { PublicationRepository, type PublicationRow } from './publication.repository';

/** What one reader may read of one document's versions (decision 0041). */
export class VersionLens {
  constructor(
    private readonly terms: ReadonlyMap<number, PublicationRow>,
    /** Whether the reader is a current member or chair of the document's group. */
    readonly member: boolean,
  ) {}

  /** Whether version `n`'s text is refused to this reader now. */
  withheld(n: number): boolean {
    return !this.member && isMembersOnly(this.terms.get(n));
  }

  /** Whether any version of the document is refused to this reader. */
  get anyWithheld(): boolean {
    return [...this.terms.keys()].some((n) => this.withheld(n));
  }

  /** Version `n`'s publication terms as the reader is told them; null for a version issued public. */
  view(n: number): VersionPublicationView | null {
    const t = this.terms.get(n);
    if (!t) return null;
    return {
      membersOnlyUntil: t.membersOnlyUntil.toISOString(),
      publishedAt: t.publishedAt?.toISOString() ?? null,
      issuedAt: t.restrictedAt.toISOString(),
      fingerprint: t.textDigest,
      withheld: this.withheld(n),
    };
  }

  /** Refuses (404 `version-members-only`, naming the publication date and fingerprint) when any of the versions is refused to this reader. */
  assertReadable(...numbers: number[]): void {
    for (const n of numbers) {
      if (!this.withheld(n)) continue;
      const t = this.terms.get(n)!;
      throw refuse('version-members-only', { version: n, until: t.membersOnlyUntil.toISOString(), fingerprint: t.textDigest });
    }
  }
}

/** A lens that withholds nothing: for documents with no members-only version. */
const OPEN = new VersionLens(new Map(), true);

/**
 * The one gate every read of a version's text passes (decision 0041): a version issued members-only
 * is read, until the scheduler publishes it, by the group's current members and chairs only. One
 * query per document read (the terms), plus the reader's standing only when a version is withheld.
 */
@Injectable()
export class VersionVisibility {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationRepository,
    private readonly groups: WorkingGroupAccess,
    private readonly clock: Clock,
  ) {}

  /** The reader's lens on a document's versions. */
  async lens(reader: { id: string } | null, doc: { id: string; workingGroupId: string }, manager?: EntityManager): Promise<VersionLens> {
    const rows = await this.publications.ofDocuments([doc.id], manager);
    if (rows.length === 0) return OPEN;
    const terms = new Map(rows.map((r) => [r.number, r]));
    if (!rows.some((r) => isMembersOnly(r))) return new VersionLens(terms, true);
    return new VersionLens(terms, await this.isMember(reader, doc.workingGroupId, manager));
  }

  /** Whether the reader is a current member (voting or observer) or chair of the group: who reads members-only versions. */
  async isMember(reader: { id: string } | null, workingGroupId: string, manager?: EntityManager): Promise<boolean> {
    if (!reader) return false;
    const standing = await this.groups.standing(manager ?? this.dataSource.manager, workingGroupId, reader.id, this.clock.now());
    return readsMembersOnly(standing);
  }

  /** Refuses (409 `ballot-needs-publication`) a ballot on version `n` of the document while it is members-only: a ballot and its subject are public. */
  async assertPublished(documentId: string, n: number, manager?: EntityManager): Promise<void> {
    const t = (await this.publications.ofDocuments([documentId], manager)).find((r) => r.number === n);
    if (isMembersOnly(t)) throw refuse('ballot-needs-publication', { version: n, until: t!.membersOnlyUntil.toISOString() });
  }

  /** The date an issuing request asks for, checked against now (400 naming `membersOnlyUntil`); null when none was asked. */
  checkUntil(input: string | undefined): Date | null {
    if (input === undefined) return null;
    const until = new Date(input);
    const problem = membersOnlyUntilProblem(until, this.clock.now());
    if (problem)
      throw problem.code === 'members-only-too-far'
        ? validationProblem('membersOnlyUntil', problem.code, problem.params)
        : validationProblem('membersOnlyUntil', problem.code);
    return until;
  }

  /**
   * In the issuing transaction: records the version's terms with its text's fingerprint, and
   * returns what its issuing audit event adds (nothing for a version issued public).
   */
  async issue(
    tx: Tx,
    until: Date | null,
    v: { versionId: string; documentId: string; by: string; clauses: readonly FingerprintedClause[] },
  ): Promise<{ membersOnlyUntil?: string }> {
    if (!until) return {};
    if (until.getTime() <= tx.now.getTime()) throw validationProblem('membersOnlyUntil', 'members-only-not-future');
    await this.publications.insert(tx.manager, {
      versionId: v.versionId,
      documentId: v.documentId,
      until,
      digest: versionTextDigest(v.clauses),
      by: v.by,
      at: tx.now,
    });
    return { membersOnlyUntil: until.toISOString() };
  }
}
