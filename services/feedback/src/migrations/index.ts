import { CreateFeedback1764600000001 } from './1764600000001-create-feedback';
import { WorkingCalendarCopy1764600000002 } from './1764600000002-working-calendar-copy';

export const feedbackMigrations = [CreateFeedback1764600000001, WorkingCalendarCopy1764600000002];
