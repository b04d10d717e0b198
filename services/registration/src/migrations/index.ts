import { CreatePublishedOpenDays1763900000200 } from './1763900000200-create-published-open-days';

export const registrationMigrations = [CreatePublishedOpenDays1763900000200];
