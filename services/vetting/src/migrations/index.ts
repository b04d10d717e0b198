import { CreateSelection1764300000000 } from './1764300000000-create-selection';
import { WorkingCalendarCopy1764420000000 } from './1764420000000-working-calendar-copy';

export const vettingMigrations = [CreateSelection1764300000000, WorkingCalendarCopy1764420000000];
