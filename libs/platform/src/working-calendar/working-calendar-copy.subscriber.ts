import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingCalendarChangedV1, type CloudEvent } from '@openday/contracts';
import { EventBus } from '@openday/messaging';
import { EventSubscriber } from '../messaging';

/** Keeps the newest calendar scheduling announced; an older announcement arriving late changes nothing. */
@Injectable()
export class WorkingCalendarCopySubscriber extends EventSubscriber<WorkingCalendarChangedV1> {
  readonly purpose = 'working-calendar';
  readonly consumes = [WorkingCalendarChangedV1.contract];

  constructor(bus: EventBus) {
    super(bus);
  }

  async handle(event: CloudEvent<WorkingCalendarChangedV1>, manager: EntityManager): Promise<void> {
    const { coveredYears, holidays, adjustedWorkingDays, changedAt } = event.data;
    await manager.query(
      `INSERT INTO working_calendar_copy (id, calendar, changed_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET calendar = EXCLUDED.calendar, changed_at = EXCLUDED.changed_at
       WHERE working_calendar_copy.changed_at < EXCLUDED.changed_at`,
      [JSON.stringify({ coveredYears, holidays, adjustedWorkingDays }), changedAt],
    );
  }
}
