import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Registration's own copy of a published open day, kept from scheduling's events. */
@Entity('published_open_days')
export class PublishedOpenDay {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64 })
  agencyId: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
