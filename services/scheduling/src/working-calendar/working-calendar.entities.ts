import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A year whose official schedule is complete; dates in other years are refused, not guessed. */
@Entity('working_calendar_years')
export class WorkingCalendarYear {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;
}

export type CalendarDayKind = 'holiday' | 'adjusted-working-day';

/** An exception to Monday–Friday: a weekday off, or a weekend day worked (调休). */
@Entity('working_calendar_days')
export class WorkingCalendarDay {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 24 })
  kind: CalendarDayKind;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** What the city office changed, when and why; the seed is the first entry. */
@Entity('working_calendar_changes')
export class WorkingCalendarChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb' })
  changes: Record<string, unknown>;
}
