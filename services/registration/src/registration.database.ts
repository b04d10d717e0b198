import { PublishedOpenDay } from './published-open-days/published-open-day.entity';
import { Application } from './applications/application.entity';
import { ApplicationPerson } from './applications/application-person.entity';
import { registrationMigrations } from './migrations';

export const registrationDatabase = { entities: [PublishedOpenDay, Application, ApplicationPerson], migrations: registrationMigrations };
