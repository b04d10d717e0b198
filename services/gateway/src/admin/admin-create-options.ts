import { parseArgs } from 'node:util';
import { CITY_OFFICE_AGENCY_ID } from '../agencies/agency-kinds';

export const ADMIN_PASSWORD_VARIABLE = 'OPENDAY_ADMIN_PASSWORD';

export const ADMIN_CREATE_USAGE = `Usage: admin:create --username <name> [--agency city-office] [--display-name <name>] [--email <address>] [--another]

Creates a city-office administrator. The password comes from ${ADMIN_PASSWORD_VARIABLE} if set,
else from standard input when it is not a terminal (one line), else from a prompt (not echoed, asked twice).
Refuses when an active city-office account exists, unless --another (or --force) is given.
Exit codes: 0 created, 2 wrong arguments or a password or name the rules refuse, 3 refused (an administrator or the username exists), 1 any other failure.`;

export interface AdminCreateOptions {
  username: string;
  displayName: string;
  email?: string;
  another: boolean;
}

/** The arguments of `admin:create`, or what is wrong with them. */
export function parseAdminCreateArgs(args: string[]): { options: AdminCreateOptions } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        username: { type: 'string' },
        agency: { type: 'string', default: CITY_OFFICE_AGENCY_ID },
        'display-name': { type: 'string' },
        email: { type: 'string' },
        another: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    return { error: (err as Error).message };
  }
  if (!values.username) return { error: '--username is required' };
  if (values.agency !== CITY_OFFICE_AGENCY_ID) {
    return { error: `--agency must be ${CITY_OFFICE_AGENCY_ID}: the first administrator is the city office's; it creates the other agencies and their admins in the console` };
  }
  return {
    options: {
      username: values.username,
      displayName: values['display-name'] ?? '市政府办公室管理员',
      email: values.email,
      another: values.another || values.force,
    },
  };
}
