import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicantCategory, PublishedSessionV2, SelectionMode } from '@openday/contracts';

/** Registration's own copy of a published open day, kept from scheduling's events. */
@Entity('published_open_days')
export class PublishedOpenDay {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64 })
  agencyId: string;

  /** The (first) event date. */
  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  // The rest comes from OpenDayPublishedV2; null for an open day known only from v1.

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  sessions: PublishedSessionV2[] | null;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  @Column({ name: 'min_age', type: 'smallint', nullable: true })
  minAge: number | null;

  @Column({ name: 'max_age', type: 'smallint', nullable: true })
  maxAge: number | null;

  @Column({ type: 'text', array: true, nullable: true })
  districts: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  quotas: Array<{ category: ApplicantCategory; places: number }> | null;

  @Column({ name: 'media_outside_quota', type: 'boolean', nullable: true })
  mediaOutsideQuota: boolean | null;

  @Column({ name: 'selection_mode', type: 'varchar', length: 32, nullable: true })
  selectionMode: SelectionMode | null;

  /** Set when scheduling announces the cancellation; a cancelled open day takes no applications. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
