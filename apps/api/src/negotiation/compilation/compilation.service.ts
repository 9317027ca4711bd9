import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { locatePassage, numberClauses, STAKEHOLDER_GROUPS, type AffiliationSnapshot, type StakeholderGroup } from '@parley/domain';
import type { CompilationActor, CompilationAmendment, CompilationBracket, CompilationResponse } from '@parley/contracts';
import { DocumentRepository } from '../../drafting/document.repository';
import { toClause } from '../../drafting/drafting.mapper';
import { Clock } from '../../platform/clock/clock';
import { notFound, refuse } from '../../platform/http/problem';
import { BracketRepository } from '../brackets/bracket.repository';
import { clauseNegotiationOf, readNegotiation } from '../clause-status/clause-status.reads';
import { VersionVisibility } from '../../procedures/publication/version-visibility';

interface OpenAmendmentRow {
  id: string;
  kind: 'replace' | 'insert' | 'delete';
  status: 'proposed' | 'balloting';
  target_clause_id: string | null;
  text: string | null;
  rationale: string;
  author_id: string;
  author_name: string;
  author_snapshot: AffiliationSnapshot;
  created_at: Date;
  cosponsors: { id: string; name: string; snapshot: AffiliationSnapshot }[];
}

/**
 * The open amendments against version `n` of a document, each with its author and its current
 * co-sponsors (aggregated in the same query): one read whatever their number.
 */
export const OPEN_AMENDMENTS_SQL = `
  SELECT am.id, am.kind, am.status, am.target_clause_id, am.text, am.rationale, am.author_id, p.name AS author_name, am.author_snapshot, am.created_at,
         coalesce(cs.cosponsors, '[]'::json) AS cosponsors
    FROM amendments am
    JOIN people p ON p.id = am.author_id
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', c.person_id, 'name', cp.name, 'snapshot', c.snapshot) ORDER BY c.created_at, c.person_id) AS cosponsors
        FROM amendment_cosponsors c JOIN people cp ON cp.id = c.person_id
       WHERE c.amendment_id = am.id AND c.withdrawn_at IS NULL
    ) cs ON true
   WHERE am.document_id = $1 AND am.applies_to_version = $2 AND am.status IN ('proposed','balloting')
   ORDER BY am.created_at, am.id`;

const groupOf = (s: AffiliationSnapshot | null | undefined): StakeholderGroup | null => s?.stakeholderGroup ?? null;

/** The person as the compilation names them (a few fields, not the whole snapshot: there are thousands). */
const actor = (id: string, name: string, s: AffiliationSnapshot | null): CompilationActor => ({ id, name, organisationName: s?.organisationName ?? null, stakeholderGroup: groupOf(s) });

/**
 * The compilation text of a version (decision record 0032): one text with every open amendment and
 * every open bracket with its options inline, attributed; filtered by stakeholder group on request.
 * Read in a few set-based queries: the document and version, its clauses, the open amendments with
 * their co-sponsors, the open brackets and their options, and the clauses' negotiating status.
 */
@Injectable()
export class CompilationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly brackets: BracketRepository,
    private readonly clock: Clock,
    private readonly visibility: VersionVisibility,
  ) {}

  async compilation(reader: { id: string } | null, documentId: string, n: number, group: StakeholderGroup | undefined): Promise<CompilationResponse> {
    const manager = this.dataSource.manager;
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const version = await this.documents.findVersion(doc.id, n);
    if (!version) throw refuse('version-not-found', { version: n });
    (await this.visibility.lens(reader, doc)).assertReadable(n);
    const adopted = doc.status === 'adopted';
    const [clauses, amendments, brackets, negotiation] = await Promise.all([
      this.documents.clausesOf(version.id),
      manager.query(OPEN_AMENDMENTS_SQL, [doc.id, n]) as Promise<OpenAmendmentRow[]>,
      this.brackets.openOf(doc.id),
      readNegotiation(manager, { id: doc.id, adopted }, version, this.clock.now()),
    ]);
    const matches = (s: AffiliationSnapshot | null | undefined) => !group || groupOf(s) === group;

    const amendmentsBy = new Map<string | null, CompilationAmendment[]>();
    for (const a of amendments) {
      if (!matches(a.author_snapshot)) continue;
      const cosponsors = a.cosponsors.map((c) => actor(c.id, c.name, c.snapshot));
      const groups = new Set(cosponsors.map((c) => c.stakeholderGroup).filter((g): g is StakeholderGroup => g !== null));
      const view: CompilationAmendment = {
        id: a.id,
        kind: a.kind,
        status: a.status,
        text: a.text,
        rationale: a.rationale,
        author: actor(a.author_id, a.author_name, a.author_snapshot),
        createdAt: new Date(a.created_at).toISOString(),
        cosponsors,
        cosponsorGroups: STAKEHOLDER_GROUPS.filter((g) => groups.has(g)),
      };
      const key = a.target_clause_id;
      amendmentsBy.set(key, [...(amendmentsBy.get(key) ?? []), view]);
    }

    const textOf = new Map(clauses.map((c) => [c.clauseId, c.text]));
    const bracketsBy = new Map<string, CompilationBracket[]>();
    let optionCount = 0;
    for (const b of brackets) {
      const clauseText = textOf.get(b.clauseId);
      if (b.openedInVersion > n || clauseText === undefined) continue;
      const options = b.options.filter((o) => matches(o.proposerSnapshot));
      if (group && !matches(b.requesterSnapshot) && options.length === 0) continue;
      const at = locatePassage(clauseText, b.passage, b.passageStart);
      // A merged option lives on in the option it was merged into: it is listed, not counted.
      optionCount += options.filter((o) => o.mergedInto === null).length;
      const view: CompilationBracket = {
        id: b.id,
        passage: b.passage,
        start: at?.start ?? null,
        end: at?.end ?? null,
        reason: b.reason,
        requestedBy: actor(b.requestedBy, b.requesterName, b.requesterSnapshot),
        options: options.map((o) => ({ id: o.id, text: o.text, rationale: o.rationale, proposedBy: actor(o.proposedBy, o.proposerName, o.proposerSnapshot), mergedInto: o.mergedInto })),
      };
      bracketsBy.set(b.clauseId, [...(bracketsBy.get(b.clauseId) ?? []), view]);
    }

    const numbered = numberClauses(clauses.map(toClause));
    let amendmentCount = amendmentsBy.get(null)?.length ?? 0;
    let bracketCount = 0;
    return {
      documentId: doc.id,
      title: doc.title,
      workingGroupId: doc.workingGroupId,
      version: n,
      isCurrent: n === doc.currentVersion,
      group: group ?? null,
      atStart: amendmentsBy.get(null) ?? [],
      clauses: numbered.map((c, position) => {
        const own = amendmentsBy.get(c.id) ?? [];
        const inClause = bracketsBy.get(c.id) ?? [];
        amendmentCount += own.length;
        bracketCount += inClause.length;
        return { id: c.id, kind: c.kind, position, label: c.label, text: c.text, negotiation: clauseNegotiationOf(negotiation, c.id, adopted), amendments: own, brackets: inClause };
      }),
      totals: { amendments: amendmentCount, brackets: bracketCount, options: optionCount },
    };
  }
}
