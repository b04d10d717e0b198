import { Application } from './applications/application.entity';
import { ApplicationPerson } from './applications/application-person.entity';
import { registrationMigrations } from './migrations';

/** Applications and their people are the last TypeORM entities: their persistence is still to move to hand-written SQL, as every other table has. */
export const registrationDatabase = { entities: [Application, ApplicationPerson], migrations: registrationMigrations };
