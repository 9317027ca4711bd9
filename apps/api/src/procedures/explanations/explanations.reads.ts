import type { EntityManager } from 'typeorm';
import {
  explanationTiming,
  paragraphLabels,
  type AffiliationSnapshot,
  type ClauseKind,
  type ExplanationKind,
  type ExplanationTiming,
  type VersionDecision,
} from '@parley/domain';
import type { DisassociationView, ExplanationView } from '@parley/contracts';
import { actorRef } from '../../drafting/drafting.mapper';

/**
 * Explanations of position as read (decision record 0037): plain functions over an entity manager,
 * used by the explanations endpoints, the adopted-text export and provenance without a module cycle.
 * Reads go by the version's adoptedAt, never by the ballot, so they hold whatever adopted it.
 */
export interface VersionFacts extends VersionDecision {
  id: string;
  number: number;
}

/**
 * The version and where its decision stands: adopted (when), or an adoption under way on it (an
 * open adoption ballot on this version). A silence procedure (part A of issue #19) counts as an
 * adoption under way: add its table here when it lands.
 */
export async function versionFacts(manager: EntityManager, documentId: string, n: number, lock = false): Promise<VersionFacts | null> {
  const rows: { id: string; number: number; adopted_at: Date | null; under_adoption: boolean }[] = await manager.query(
    `SELECT v.id, v.number, v.adopted_at,
            (EXISTS (SELECT 1 FROM adoption_ballots a WHERE a.version_id = v.id AND a.outcome IS NULL)
              OR EXISTS (SELECT 1 FROM silence_procedures s WHERE s.version_id = v.id AND s.state = 'under-way')) AS under_adoption
       FROM document_versions v WHERE v.document_id = $1 AND v.number = $2${lock ? ' FOR UPDATE OF v' : ''}`,
    [documentId, n],
  );
  const r = rows[0];
  return r ? { id: r.id, number: r.number, adoptedAt: r.adopted_at ? new Date(r.adopted_at) : null, underAdoption: r.under_adoption } : null;
}

/** The version's clauses in order, with their kind and paragraph label (PP1, OP7; headings none). */
export async function paragraphsOf(manager: EntityManager, versionId: string): Promise<{ id: string; kind: ClauseKind; label: string | null }[]> {
  const rows: { id: string; kind: ClauseKind }[] = await manager.query(
    `SELECT clause_id AS id, kind FROM version_clauses WHERE version_id = $1 ORDER BY position`,
    [versionId],
  );
  const labels = paragraphLabels(rows);
  return rows.map((r) => ({ ...r, label: labels.get(r.id) ?? null }));
}

interface Row {
  id: string;
  document_id: string;
  version_number: number;
  kind: ExplanationKind;
  organisation_id: string;
  organisation_name: string;
  text: string;
  timing: ExplanationTiming;
  placed_by: string;
  placed_name: string | null;
  placed_snapshot: AffiliationSnapshot;
  placed_at: Date;
  clause_ids: string[];
}

export interface VersionExplanations {
  explanations: ExplanationView[];
  disassociations: DisassociationView[];
}

/** Every explanation on version `n` (oldest first), and who disassociated from which paragraph (in the text's order). */
export async function explanationsOn(manager: EntityManager, documentId: string, version: VersionFacts): Promise<VersionExplanations> {
  const [rows, paragraphs] = await Promise.all([
    manager.query(
      `SELECT e.id, e.document_id, e.version_number, e.kind, e.organisation_id, e.organisation_name, e.text, e.timing,
              e.placed_by, p.name AS placed_name, e.placed_snapshot, e.placed_at,
              COALESCE(array_agg(ep.clause_id ORDER BY ep.ordinal) FILTER (WHERE ep.clause_id IS NOT NULL), '{}') AS clause_ids
         FROM explanations_of_position e
         JOIN people p ON p.id = e.placed_by
         LEFT JOIN explanation_paragraphs ep ON ep.explanation_id = e.id
        WHERE e.document_id = $1 AND e.version_number = $2
        GROUP BY e.id, p.name
        ORDER BY e.placed_at, e.id`,
      [documentId, version.number],
    ) as Promise<Row[]>,
    paragraphsOf(manager, version.id),
  ]);
  const label = new Map(paragraphs.map((p) => [p.id, p.label]));
  const explanations: ExplanationView[] = rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    version: r.version_number,
    kind: r.kind,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    by: actorRef(r.placed_by, r.placed_name, r.placed_snapshot),
    paragraphs: r.clause_ids.map((clauseId) => ({ clauseId, label: label.get(clauseId) ?? null })),
    text: r.text,
    at: new Date(r.placed_at).toISOString(),
    // Read from the time against the version's adoption (the stored timing says the same, as decided when placed).
    timing: explanationTiming(new Date(r.placed_at), version.adoptedAt),
  }));
  const disassociations: DisassociationView[] = [];
  for (const p of paragraphs) {
    const organisations = explanations
      .filter((e) => e.kind === 'disassociation' && e.paragraphs.some((x) => x.clauseId === p.id))
      .map((e) => ({ organisationId: e.organisationId, organisationName: e.organisationName }));
    if (organisations.length) disassociations.push({ clauseId: p.id, label: p.label, organisations });
  }
  return { explanations, disassociations };
}

/** Who disassociated from each paragraph of version `n` (its clauses given), by clause id, with the paragraph's label (for provenance); empty when nobody did. */
export async function disassociationsByClause(
  manager: EntityManager,
  documentId: string,
  n: number,
  clauses: readonly { id: string; kind: ClauseKind }[],
): Promise<Map<string, { label: string; organisations: string[] }>> {
  const rows: { clause_id: string; organisation_name: string }[] = await manager.query(
    `SELECT ep.clause_id, e.organisation_name FROM explanation_paragraphs ep JOIN explanations_of_position e ON e.id = ep.explanation_id
      WHERE e.document_id = $1 AND e.version_number = $2 AND e.kind = 'disassociation' ORDER BY e.placed_at, e.id`,
    [documentId, n],
  );
  const labels = paragraphLabels(clauses);
  const out = new Map<string, { label: string; organisations: string[] }>();
  for (const r of rows)
    out.set(r.clause_id, { label: labels.get(r.clause_id) ?? '', organisations: [...(out.get(r.clause_id)?.organisations ?? []), r.organisation_name] });
  return out;
}
