import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findVersionedOpenDay, type PublishedOpenDay } from './published-open-day-store';

/** A published open day as last read, with the row version (PostgreSQL's xmin) it was read at. */
export interface VersionedOpenDay {
  openDay: PublishedOpenDay;
  version: string;
}

/**
 * Registration's copy of each published open day, read once instead of on every
 * application. Nothing here is trusted blindly: whoever uses an entry writes only
 * if the row still has the version it was read at (`isCurrent`), in the same
 * statement, and forgets the entry otherwise — so a change or cancellation that
 * another replica consumed is seen on the very next application.
 */
@Injectable()
export class PublishedOpenDayCache {
  private readonly entries = new Map<string, Promise<VersionedOpenDay | undefined>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get(id: string): Promise<VersionedOpenDay | undefined> {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = this.load(id);
      this.entries.set(id, entry);
      // A missing open day may be published any moment, and a failed read is no answer: neither is kept.
      entry.then(
        (found) => found ?? this.entries.delete(id),
        () => this.entries.delete(id),
      );
    }
    return entry;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  private async load(id: string): Promise<VersionedOpenDay | undefined> {
    return (await findVersionedOpenDay(this.dataSource.manager, id)) ?? undefined;
  }
}

/** SQL that is true while the open day's row is still the version read (`$id`, `$version`: parameter placeholders). */
export function isCurrent(id: string, version: string): string {
  return `EXISTS (SELECT 1 FROM published_open_days WHERE id = ${id} AND xmin::text = ${version})`;
}
