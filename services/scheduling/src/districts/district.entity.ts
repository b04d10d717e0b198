import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

/** A district of the city, as the city office keeps it; deactivated rather than deleted. */
@Entity('districts')
export class District {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 40 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 80 })
  nameEn: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The order the city office added them in, which is the order they are listed in. */
  @Column({ type: 'integer' })
  @Generated('increment')
  position: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
