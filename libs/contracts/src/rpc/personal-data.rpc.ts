// class-transformer's @Type reads decorator metadata, whoever imports the contracts first.
import 'reflect-metadata';
import { ArrayMaxSize, IsArray, IsUUID, Matches } from 'class-validator';

/**
 * A citizen's rights over their personal data (PIPL): each service that holds
 * applicant data answers `rpc.<service>.personal-data.export` and
 * `rpc.<service>.personal-data.erase`. Only the gateway asks, for the signed-in
 * citizen; it asks registration first (which resolves the account's
 * applications and people) and then the others with what registration found.
 */
export const PersonalDataRpcOperations = {
  export: 'personal-data.export',
  erase: 'personal-data.erase',
} as const;

/** The services that hold applicant data, in the order the gateway asks them. */
export const PERSONAL_DATA_SERVICES = ['registration', 'vetting', 'scheduling', 'notification', 'feedback'] as const;
export type PersonalDataService = (typeof PERSONAL_DATA_SERVICES)[number];

export const MAX_PERSONAL_DATA_KEYS = 10_000;

export class PersonalDataRequest {
  /** The citizen's account (Actor.userId). */
  @IsUUID()
  accountId: string;

  /** The account's applications, as registration resolved them ([] when asking registration itself). */
  @IsArray()
  @ArrayMaxSize(MAX_PERSONAL_DATA_KEYS)
  @IsUUID('all', { each: true })
  applicationIds: string[];

  /** Keyed hashes of the resident IDs in those applications (64 hex characters each). */
  @IsArray()
  @ArrayMaxSize(MAX_PERSONAL_DATA_KEYS)
  @Matches(/^[0-9a-f]{64}$/, { each: true })
  personKeys: string[];
}

/** What one service holds about the citizen, decrypted: only the citizen's own records. */
export interface PersonalDataExport {
  service: string;
  records: Array<Record<string, unknown>>;
}

/** Registration's export also names what the other services are asked about. */
export interface RegistrationPersonalDataExport extends PersonalDataExport {
  applicationIds: string[];
  personKeys: string[];
  /** The people (application_people ids) of those applications: staff lists name people by these. */
  personIds: string[];
}

/**
 * Why something was not erased, as a stable code the gateway words:
 * `open-day-in-progress` (kept until the open day ends, then erased by retention),
 * `audit-log` (kept by law), `no-show-register` (a keyed hash only, kept for its look-back period).
 */
export const KEPT_REASONS = ['open-day-in-progress', 'audit-log', 'no-show-register'] as const;
export type KeptReason = (typeof KEPT_REASONS)[number];

export interface PersonalDataErasure {
  service: string;
  erased: number;
  kept: Array<{ applicationId: string; reason: KeptReason | string }>;
}

/** Registration's erasure also names the account's applications and person keys, for the other services' erasure. */
export interface RegistrationPersonalDataErasure extends PersonalDataErasure {
  applicationIds: string[];
  personKeys: string[];
}
