import { PersonalDataRetentionModule } from '@openday/platform';
import { eraseContactsPastRetention } from './contact-erasure';

export const RetentionModule = PersonalDataRetentionModule.erasing(eraseContactsPastRetention, 'NOTIFICATION_TEST_NOW');
