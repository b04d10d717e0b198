import { PersonalDataRetentionModule } from '@openday/platform';
import { eraseTicketLinksPastRetention } from './ticket-link-erasure';

export const RetentionModule = PersonalDataRetentionModule.erasing(eraseTicketLinksPastRetention, 'FEEDBACK_TEST_NOW');
