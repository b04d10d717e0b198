import { PersonalDataRetentionModule } from '@openday/platform';
import { eraseAdmissionsPastRetention } from './admission-erasure';

export const RetentionModule = PersonalDataRetentionModule.erasing(eraseAdmissionsPastRetention, 'SCHEDULING_TEST_NOW');
