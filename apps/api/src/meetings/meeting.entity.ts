import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AffiliationSnapshot, AttendanceMode, FloorKind, FloorState, MeetingStatus } from '@parley/domain';

/** A working group's meeting (migrations/1796900000000-meetings.ts). Writes go through meetings.repository.ts, row locked. */
@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'working_group_id', type: 'uuid' }) workingGroupId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column({ name: 'online_url', type: 'text', nullable: true }) onlineUrl: string | null;
  @Column({ name: 'turn_limit_seconds', type: 'int', nullable: true }) turnLimitSeconds: number | null;
  @Column({ type: 'text' }) status: MeetingStatus;
  @Column({ name: 'current_item_id', type: 'uuid', nullable: true }) currentItemId: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_snapshot', type: 'jsonb' }) createdSnapshot: AffiliationSnapshot;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt: Date | null;
  @Column({ name: 'opened_by', type: 'uuid', nullable: true }) openedBy: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ name: 'report_document_id', type: 'uuid', nullable: true }) reportDocumentId: string | null;
}

@Entity('meeting_agenda_items')
export class MeetingAgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId: string | null;
  @Column({ name: 'version_number', type: 'int', nullable: true }) versionNumber: number | null;
  @Column({ name: 'clause_ids', type: 'uuid', array: true }) clauseIds: string[];
  @Column({ name: 'amendment_id', type: 'uuid', nullable: true }) amendmentId: string | null;
  @Column({ name: 'ballot_id', type: 'uuid', nullable: true }) ballotId: string | null;
  @Column({ name: 'silence_id', type: 'uuid', nullable: true }) silenceId: string | null;
}

@Entity('meeting_attendance')
export class MeetingAttendanceEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) mode: AttendanceMode;
  @Column({ type: 'jsonb' }) snapshot: AffiliationSnapshot;
  @Column({ type: 'boolean' }) voting: boolean;
  @Column({ name: 'checked_in_at', type: 'timestamptz' }) checkedInAt: Date;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
}

@Entity('meeting_floor_requests')
export class MeetingFloorRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ name: 'agenda_item_id', type: 'uuid' }) agendaItemId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'jsonb' }) snapshot: AffiliationSnapshot;
  @Column({ type: 'text' }) kind: FloorKind;
  @Column({ type: 'text' }) state: FloorState;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ name: 'given_at', type: 'timestamptz', nullable: true }) givenAt: Date | null;
  @Column({ name: 'given_by', type: 'uuid', nullable: true }) givenBy: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'ended_by', type: 'uuid', nullable: true }) endedBy: string | null;
  @Column({ type: 'int', nullable: true }) seconds: number | null;
}

export const MEETING_ENTITIES = [MeetingEntity, MeetingAgendaItemEntity, MeetingAttendanceEntity, MeetingFloorRequestEntity];
