import { CreateOpenDays1763900000100 } from './1763900000100-create-open-days';

export const schedulingMigrations = [CreateOpenDays1763900000100];
