import { PersonalDataRetentionModule } from '@openday/platform';
import { eraseApplicantsPastRetention } from './applicant-erasure';

export const RetentionModule = PersonalDataRetentionModule.erasing(eraseApplicantsPastRetention, 'VETTING_TEST_NOW');
