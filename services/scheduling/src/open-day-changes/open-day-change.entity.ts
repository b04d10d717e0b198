import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OpenDayChangeContent, OpenDayChangeReview, OpenDayChangeStatus, OpenDayChangeableFieldV2 } from '@openday/contracts';

/** A change to a published open day, filed with the city office (or applied at once when it needs no review). */
@Entity('open_day_changes')
export class OpenDayChange {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'open_day_id', type: 'uuid' })
  openDayId: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64 })
  agencyId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  status: OpenDayChangeStatus;

  @Column({ type: 'varchar', length: 16 })
  review: OpenDayChangeReview;

  @Column({ name: 'changed_fields', type: 'text', array: true })
  changedFields: OpenDayChangeableFieldV2[];

  /** The open day's changeable content when the change was filed. */
  @Column({ type: 'jsonb' })
  before: OpenDayChangeContent;

  /** The content asked for; only changedFields of it are applied, so a notices correction made meanwhile is kept. */
  @Column({ type: 'jsonb' })
  after: OpenDayChangeContent;

  @Column({ name: 'released_ticket_ids', type: 'uuid', array: true })
  releasedTicketIds: string[];

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'text', nullable: true })
  comments: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;
}
