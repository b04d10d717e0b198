import { AccountsAndAccess1764200000000 } from './1764200000000-accounts-and-access';
import { StaffAccountEmail1765000000000 } from './1765000000000-staff-account-email';
import { PersonalDataReads1765100000000 } from './1765100000000-personal-data-reads';
import { RateLimitCounters1765200000000 } from './1765200000000-rate-limit-counters';
import { EncryptStaffDisplayNames1765300000000 } from './1765300000000-encrypt-staff-display-names';

/** The gateway's own tables, after the messaging tables every service has. */
export const gatewayMigrations = [
  AccountsAndAccess1764200000000,
  StaffAccountEmail1765000000000,
  PersonalDataReads1765100000000,
  RateLimitCounters1765200000000,
  EncryptStaffDisplayNames1765300000000,
];
