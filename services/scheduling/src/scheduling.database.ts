import { OpenDay } from './open-days/open-day.entity';
import { schedulingMigrations } from './migrations';

export const schedulingDatabase = { entities: [OpenDay], migrations: schedulingMigrations };
