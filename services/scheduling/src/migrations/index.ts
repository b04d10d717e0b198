import { CreateOpenDays1763900000100 } from './1763900000100-create-open-days';
import { CreatePlans1764000000000 } from './1764000000000-create-plans';
import { CreateWorkingCalendar1764000000100 } from './1764000000100-create-working-calendar';
import { PublishPlans1764000000200 } from './1764000000200-publish-plans';
import { CreateAdmission1764400000000 } from './1764400000000-create-admission';
import { CreateOpenDayChanges1764500000000 } from './1764500000000-create-open-day-changes';
import { CreateDistricts1764600000000 } from './1764600000000-create-districts';
import { RevokeRejectedTickets1764700000000 } from './1764700000000-revoke-rejected-tickets';
import { AddSessionMediaPlaces1764800000000 } from './1764800000000-add-session-media-places';
import { ErasableAdmissions1765200000000 } from './1765200000000-erasable-admissions';

export const schedulingMigrations = [
  CreateOpenDays1763900000100,
  CreatePlans1764000000000,
  CreateWorkingCalendar1764000000100,
  PublishPlans1764000000200,
  CreateAdmission1764400000000,
  CreateOpenDayChanges1764500000000,
  CreateDistricts1764600000000,
  RevokeRejectedTickets1764700000000,
  AddSessionMediaPlaces1764800000000,
  ErasableAdmissions1765200000000,
];
