import { CreateFeedback1764600000001 } from './1764600000001-create-feedback';
import { WorkingCalendarCopy1764600000002 } from './1764600000002-working-calendar-copy';
import { ErasableTicketLinks1765200000000 } from './1765200000000-erasable-ticket-links';

export const feedbackMigrations = [CreateFeedback1764600000001, WorkingCalendarCopy1764600000002, ErasableTicketLinks1765200000000];
