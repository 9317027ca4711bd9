import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import {
  meetingReportClauses,
  meetingReportTitle,
  speakingTime,
  workingGroupScope,
  type AuditEvent,
  type MeetingRecord,
  type ReportBallot,
  type ReportExplanation,
  type ReportLanguage,
  type ReportVersion,
} from '@parley/domain';
import { parseAuditEvent, type AuditLogQuery, type DraftReportRequest, type DraftReportResponse, type TypedAuditEvent } from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { AuditLogService } from '../../audit/audit-log.service';
import { DocumentService } from '../../drafting/document.service';
import { canEdit } from '../../drafting/drafting.policy';
import { DraftingStandings } from '../../drafting/drafting-standings';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { authorise, notFound, refuse } from '../../platform/http/problem';
import { lockMeetingForReport, meetingOfficer, recordReportDocument, reportAgenda, reportAttendance, reportTurns, type ReportMeetingRow } from './meeting-report.reads';

const PAGE = 1000;

/** PostgreSQL refused a second report for the meeting (the UNIQUE column), or a concurrent draft took it first. */
const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && String((e.driverError as { code?: unknown } | undefined)?.code) === '23505';

/**
 * Drafts a meeting's report (decision 0043): once the meeting is closed, once, by a chair or a
 * rapporteur of the group. The report is a document of the group, created by the drafting context
 * in this transaction, with the meeting's report column and `meeting.report-drafted`: all or nothing.
 */
@Injectable()
export class MeetingReportService {
  constructor(
    private readonly tx: AuditedTransaction,
    private readonly auditLog: AuditLogService,
    private readonly documents: DocumentService,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
  ) {}

  async draft(actor: Actor, meetingId: string, input: DraftReportRequest): Promise<DraftReportResponse> {
    const language: ReportLanguage = input.language ?? 'en';
    try {
      return await this.tx.run(async (tx) => {
        const meeting = await lockMeetingForReport(tx.manager, meetingId);
        if (!meeting) throw notFound('meeting');
        const standing = await this.standings.of(tx.manager, meeting.workingGroupId, actor.id, tx.now);
        authorise(canEdit(standing));
        if (meeting.status !== 'closed') throw refuse('meeting-status', { status: meeting.status, needed: 'closed' });
        if (meeting.reportDocumentId) throw refuse('meeting-report-exists', { documentId: meeting.reportDocumentId });

        const record = await this.record(tx.manager, meeting);
        const title = meetingReportTitle(meeting.title, language);
        const clauses = meetingReportClauses(record, language);
        const documentId = await this.documents.createIn(tx, actor, meeting.workingGroupId, { title, clauses });
        await recordReportDocument(tx.manager, meeting.id, documentId);
        await tx.record({
          scope: workingGroupScope(meeting.workingGroupId),
          actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
          action: 'meeting.report-drafted',
          subjectType: 'meeting',
          subjectId: meeting.id,
          change: { title: meeting.title, documentId, documentTitle: title },
        });
        return { meetingId: meeting.id, documentId };
      });
    } catch (e) {
      // The row lock serialises drafts of one meeting; the UNIQUE column is the last word if anything slips past it.
      if (isUniqueViolation(e)) throw refuse('meeting-report-exists', { documentId: (await this.reportOf(meetingId)) ?? '' });
      throw e;
    }
  }

  private async reportOf(meetingId: string): Promise<string | null> {
    return this.tx.run(async (tx) => {
      const [row] = (await tx.manager.query(`SELECT report_document_id AS id FROM meetings WHERE id = $1`, [meetingId])) as { id: string | null }[];
      return row?.id ?? null;
    });
  }

  /** The meeting's record: its own tables, the group's cap, and the decisions the group's audit log holds for the time it sat. */
  private async record(manager: EntityManager, meeting: ReportMeetingRow): Promise<MeetingRecord> {
    const [settings, openedBy, closedBy, attendance, agenda, turns, decisions] = await Promise.all([
      this.standings.settings(manager, meeting.workingGroupId),
      meetingOfficer(manager, meeting.id, meeting.openedBy),
      meetingOfficer(manager, meeting.id, meeting.closedBy),
      reportAttendance(manager, meeting.id),
      reportAgenda(manager, meeting.id),
      reportTurns(manager, meeting.id),
      this.decisions(meeting),
    ]);
    return {
      meeting: {
        title: meeting.title,
        groupName: settings.name,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        timeZone: meeting.timeZone,
        place: meeting.place,
        online: meeting.online,
        openedAt: meeting.openedAt,
        openedBy,
        closedAt: meeting.closedAt,
        closedBy,
      },
      attendance,
      agenda,
      speakingTime: speakingTime(turns, settings.maxStakeholderGroupShare),
      decisions,
    };
  }

  /** Every event of the group's chain matching `action` in a window, oldest first, read through the public audit log. */
  private async events(scope: string, action: string, from: Date | undefined, to: Date): Promise<TypedAuditEvent[]> {
    const out: TypedAuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const q: AuditLogQuery = { scope, action, order: 'asc', limit: PAGE, to: to.toISOString(), ...(from ? { from: from.toISOString() } : {}), ...(cursor ? { cursor } : {}) };
      const page = await this.auditLog.list(q);
      for (const e of page.items) {
        const parsed = parseAuditEvent(e as AuditEvent);
        if (parsed.typed) out.push(parsed.event);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** Ballots closed, versions issued and adopted, explanations placed in the group while the meeting sat (opened_at to closed_at). */
  private async decisions(meeting: ReportMeetingRow): Promise<MeetingRecord['decisions']> {
    const empty = { ballots: [], versionsIssued: [], versionsAdopted: [], explanations: [] };
    if (!meeting.openedAt || !meeting.closedAt) return empty;
    const scope = workingGroupScope(meeting.workingGroupId);
    const from = meeting.openedAt;
    const to = meeting.closedAt;
    const [closed, created, chairsTexts, adopted, explained, opened, documents] = await Promise.all([
      this.events(scope, 'ballot.closed', from, to),
      this.events(scope, 'version.created', from, to),
      this.events(scope, 'version.chairs-text-issued', from, to),
      this.events(scope, 'version.adopted', from, to),
      this.events(scope, 'explanation.*', from, to),
      // Titles: every ballot and document of the group up to the meeting's end.
      this.events(scope, 'ballot.opened', undefined, to),
      this.events(scope, 'document.created', undefined, to),
    ]);
    const ballotTitle = new Map<string, string>();
    for (const e of opened) if (e.action === 'ballot.opened') ballotTitle.set(e.subjectId, e.change.title);
    const documentTitle = new Map<string, string>();
    for (const e of documents) if (e.action === 'document.created') documentTitle.set(e.subjectId, e.change.title);
    const titleOf = (documentId: string) => documentTitle.get(documentId) ?? documentId;

    const ballots: ReportBallot[] = [];
    for (const e of closed)
      if (e.action === 'ballot.closed')
        ballots.push({ title: ballotTitle.get(e.subjectId) ?? e.subjectId, outcome: e.change.outcome, totals: { yes: e.change.totals.yes, no: e.change.totals.no, abstain: e.change.totals.abstain } });

    const issued: (ReportVersion & { at: string })[] = [];
    for (const e of [...created, ...chairsTexts]) {
      if (e.action === 'version.created') issued.push({ documentTitle: titleOf(e.change.documentId), number: e.change.number, at: e.occurredAt });
      if (e.action === 'version.chairs-text-issued') issued.push({ documentTitle: titleOf(e.change.documentId), number: e.change.number, chairsText: true, at: e.occurredAt });
    }
    issued.sort((a, b) => a.at.localeCompare(b.at));

    const versionsAdopted: ReportVersion[] = [];
    for (const e of adopted) if (e.action === 'version.adopted') versionsAdopted.push({ documentTitle: titleOf(e.change.documentId), number: e.change.number });

    const explanations: ReportExplanation[] = [];
    for (const e of explained)
      if (e.action === 'explanation.placed')
        explanations.push({ by: { name: e.actorName ?? e.change.organisationName, organisationName: e.change.organisationName }, kind: e.change.kind, documentTitle: titleOf(e.change.documentId), version: e.change.version });

    return { ballots, versionsIssued: issued.map(({ at: _at, ...v }) => v), versionsAdopted, explanations };
  }
}
