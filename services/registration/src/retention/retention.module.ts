import { PersonalDataRetentionModule } from '@openday/platform';
import { erasePeoplePastRetention } from './application-people-erasure';

export const RetentionModule = PersonalDataRetentionModule.erasing(erasePeoplePastRetention, 'REGISTRATION_TEST_NOW');
