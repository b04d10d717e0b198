import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicantCategory, OpenDayForm, PlanAction, PlanStatus, Role, SelectionMode } from '@openday/contracts';

export interface VenueData {
  name: string;
  address: string;
}

export interface QuotaData {
  category: ApplicantCategory;
  places: number;
}

export interface EligibilityData {
  minAge: number;
  maxAge: number | null;
  districts: string[];
}

export interface AgendaItemData {
  startsAt: string;
  endsAt: string;
  activity: string;
  venue: string | null;
}

/** An agency's plan (活动方案) and where it stands in filing. */
@Entity('plans')
export class Plan {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64 })
  agencyId: string;

  @Column({ type: 'varchar', length: 16 })
  status: PlanStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 2000 })
  theme: string;

  @Column({ type: 'text', array: true })
  forms: OpenDayForm[];

  @Column({ type: 'jsonb' })
  venues: VenueData[];

  @Column({ name: 'assembly_point', type: 'varchar', length: 300 })
  assemblyPoint: string;

  @Column({ type: 'varchar', length: 300 })
  transport: string;

  @Column({ type: 'jsonb' })
  quotas: QuotaData[];

  @Column({ name: 'min_ordinary_share', type: 'double precision' })
  minOrdinaryShare: number;

  @Column({ name: 'media_outside_quota', type: 'boolean' })
  mediaOutsideQuota: boolean;

  @Column({ type: 'jsonb' })
  eligibility: EligibilityData;

  @Column({ name: 'registration_opens_at', type: 'timestamptz' })
  registrationOpensAt: Date;

  @Column({ name: 'registration_closes_at', type: 'timestamptz' })
  registrationClosesAt: Date;

  @Column({ name: 'selection_mode', type: 'varchar', length: 32 })
  selectionMode: SelectionMode;

  @Column({ name: 'co_signing_departments', type: 'jsonb' })
  coSigningDepartments: string[];

  @Column({ type: 'jsonb' })
  notices: string[];

  @Column({ name: 'publish_at', type: 'timestamptz' })
  publishAt: Date;

  /** Asia/Shanghai date of the earliest session: what the filing deadline counts from. */
  @Column({ name: 'first_session_date', type: 'date' })
  firstSessionDate: string;

  /** How many times the plan has been submitted. */
  @Column({ type: 'integer' })
  submissions: number;

  @Column({ name: 'open_day_id', type: 'uuid', nullable: true })
  openDayId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One session (场次) of a plan; its timed agenda travels with it. */
@Entity('plan_sessions')
export class PlanSession {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'date' })
  date: string;

  /** Wall-clock time in Asia/Shanghai; PostgreSQL answers 'HH:mm:ss'. */
  @Column({ name: 'starts_at', type: 'time' })
  startsAt: string;

  @Column({ name: 'ends_at', type: 'time' })
  endsAt: string;

  @Column({ type: 'integer' })
  capacity: number;

  /** Media admitted on top of the capacity when the plan's media come outside the quota. */
  @Column({ name: 'media_places', type: 'integer', default: 0 })
  mediaPlaces: number;

  @Column({ type: 'jsonb' })
  agenda: AgendaItemData[];
}

/** Who did what to a plan, when, and what they said. Never updated. */
@Entity('plan_history')
export class PlanHistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 16 })
  action: PlanAction;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: Role | null;

  @Column({ name: 'actor_agency_id', type: 'varchar', length: 64, nullable: true })
  actorAgencyId: string | null;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: PlanStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: PlanStatus;

  @Column({ type: 'text', nullable: true })
  comments: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}

/** An approved plan waiting for its publication time. */
@Entity('publication_timers')
export class PublicationTimer {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
