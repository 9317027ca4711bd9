import type { EntityManager } from 'typeorm';
import type { AgendaItemInput } from '@parley/contracts';
import { validationProblem } from '../platform/http/problem';
import { linksInGroup, type AgendaItemRow, type LinkKind } from './meetings.repository';

const LINKS: { kind: LinkKind; field: 'documentId' | 'amendmentId' | 'ballotId' | 'silenceId' }[] = [
  { kind: 'document', field: 'documentId' },
  { kind: 'amendment', field: 'amendmentId' },
  { kind: 'ballot', field: 'ballotId' },
  { kind: 'silence', field: 'silenceId' },
];

/**
 * Every link of an agenda must be the group's own (a document, amendment, ballot or silence procedure
 * of another group, or of none, is refused naming the field: `agenda[2].ballotId`).
 */
export async function checkAgendaLinks(manager: EntityManager, workingGroupId: string, items: readonly AgendaItemInput[], prefix: string): Promise<void> {
  for (const { kind, field } of LINKS) {
    const ids = items.map((i) => i[field]).filter((v): v is string => typeof v === 'string');
    const found = await linksInGroup(manager, kind, [...new Set(ids)], workingGroupId);
    const at = items.findIndex((i) => typeof i[field] === 'string' && !found.has(i[field]));
    if (at >= 0) throw validationProblem(`${prefix}[${at}].${field}`, 'not-in-this-group');
  }
}

/** Writes one agenda item at its place (a new one when `id` is absent): the row as the audit records it. */
export async function writeAgendaItem(manager: EntityManager, meetingId: string, position: number, i: AgendaItemInput): Promise<AgendaItemRow> {
  const values = [
    position,
    i.title.trim(),
    i.notes?.trim() || null,
    i.documentId ?? null,
    i.version ?? null,
    i.clauseIds ?? [],
    i.amendmentId ?? null,
    i.ballotId ?? null,
    i.silenceId ?? null,
  ];
  const [row] = i.id
    ? await manager.query(
        `UPDATE meeting_agenda_items SET position = $3, title = $4, notes = $5, document_id = $6, version_number = $7, clause_ids = $8::uuid[],
                amendment_id = $9, ballot_id = $10, silence_id = $11 WHERE id = $1 AND meeting_id = $2 RETURNING id`,
        [i.id, meetingId, ...values],
      )
    : await manager.query(
        `INSERT INTO meeting_agenda_items (meeting_id, position, title, notes, document_id, version_number, clause_ids, amendment_id, ballot_id, silence_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10) RETURNING id`,
        [meetingId, ...values],
      );
  const id = (Array.isArray(row) ? row[0] : row).id as string;
  return {
    id,
    position,
    title: values[1] as string,
    notes: values[2] as string | null,
    documentId: i.documentId ?? null,
    documentTitle: null,
    versionNumber: i.version ?? null,
    clauseIds: i.clauseIds ?? [],
    amendmentId: i.amendmentId ?? null,
    ballotId: i.ballotId ?? null,
    ballotTitle: null,
    ballotStatus: null,
    silenceId: i.silenceId ?? null,
  };
}
