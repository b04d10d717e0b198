import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('open_days')
export class OpenDay {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64 })
  agencyId: string;

  /** Calendar date in Asia/Shanghai, kept as a date (no time zone to get wrong). */
  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
