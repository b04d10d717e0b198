import { PublishedOpenDay } from './published-open-days/published-open-day.entity';
import { registrationMigrations } from './migrations';

export const registrationDatabase = { entities: [PublishedOpenDay], migrations: registrationMigrations };
