import { CreatePublishedOpenDays1763900000200 } from './1763900000200-create-published-open-days';
import { PublishedOpenDayDetails1764100000000 } from './1764100000000-published-open-day-details';
import { CreateApplications1764100000100 } from './1764100000100-create-applications';
import { SelectionOutcomes1764100000200 } from './1764100000200-selection-outcomes';
import { OpenDayCancellations1764100000300 } from './1764100000300-open-day-cancellations';
import { ContactDetails1764410000000 } from './1764410000000-contact-details';
import { EncryptNames1765200000000 } from './1765200000000-encrypt-names';
import { ErasablePersonalData1765200000100 } from './1765200000100-erasable-personal-data';

export const registrationMigrations = [
  CreatePublishedOpenDays1763900000200,
  PublishedOpenDayDetails1764100000000,
  CreateApplications1764100000100,
  SelectionOutcomes1764100000200,
  OpenDayCancellations1764100000300,
  ContactDetails1764410000000,
  EncryptNames1765200000000,
  ErasablePersonalData1765200000100,
];
