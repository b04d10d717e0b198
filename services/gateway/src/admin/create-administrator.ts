import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { DataSource } from 'typeorm';
import { problemEntry } from '@openday/contracts';
import { type Clock, ProblemException } from '@openday/platform';
import { CITY_OFFICE_AGENCY_ID } from '../agencies/agency-kinds';
import { AgenciesService } from '../agencies/agencies.service';
import { AuditService } from '../audit/audit.service';
import { CreateStaffAccountRequest, type StaffAccountView } from '../accounts/account.dto';
import { AccountsService } from '../accounts/accounts.service';
import type { GatewayConfig } from '../gateway.config';
import type { AdminCreateOptions } from './admin-create-options';

export type AdminCreateOutcome =
  | { outcome: 'created'; account: StaffAccountView; agencyCreated: boolean }
  | { outcome: 'invalid'; problems: string[] }
  | { outcome: 'administrator-exists'; usernames: string[] }
  | { outcome: 'username-taken' };

/** What the city office's agency is called until it renames itself in the console. */
const CITY_OFFICE_AGENCY = { id: CITY_OFFICE_AGENCY_ID, name: '市政府办公室', kind: 'municipal-bureau', district: null } as const;

/**
 * Creates a city-office administrator as the system, under the same rules as
 * the accounts API (username, display name, password length, e-mail), and the
 * city office's agency first if the database has none yet. Refuses while an
 * active city-office account exists unless `another` is set, so running it
 * twice by mistake does not leave a second administrator behind.
 */
export async function createAdministrator(
  dataSource: DataSource,
  config: GatewayConfig,
  clock: Clock,
  options: AdminCreateOptions,
  password: string,
): Promise<AdminCreateOutcome> {
  const request = plainToInstance(CreateStaffAccountRequest, {
    username: options.username,
    displayName: options.displayName,
    role: 'city-office',
    password,
    ...(options.email === undefined ? {} : { email: options.email }),
  });
  const problems = describe(await validate(request, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length) return { outcome: 'invalid', problems };

  if (!options.another) {
    const active: Array<{ username: string }> = await dataSource.query(
      `SELECT username FROM staff_accounts WHERE role = 'city-office' AND disabled_at IS NULL ORDER BY created_at`,
    );
    if (active.length) return { outcome: 'administrator-exists', usernames: active.map((row) => row.username) };
  }

  const agencies = new AgenciesService(dataSource, new AuditService(dataSource, clock), clock);
  const agencyCreated = !(await agencies.exists(dataSource.manager, CITY_OFFICE_AGENCY_ID));
  if (agencyCreated) await agencies.create(undefined, { ...CITY_OFFICE_AGENCY });
  try {
    const account = await AccountsService.standalone(dataSource, config, clock).create(undefined, CITY_OFFICE_AGENCY_ID, request);
    return { outcome: 'created', account, agencyCreated };
  } catch (err) {
    if (err instanceof ProblemException && err.problem.type === problemEntry('username-taken').type) return { outcome: 'username-taken' };
    throw err;
  }
}

/** `password: must be longer than …`, one line per broken rule, never the value. */
function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`));
}
