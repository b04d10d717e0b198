/**
 * An agency's staff accounts as plain functions: which roles a manager may give, which changes
 * they may make to whom (the gateway's rules, so the page offers only what will be accepted),
 * the new-account form checked before sending, and an initial password made for handing over.
 */
import { CITY_OFFICE_AGENCY_ID, grantableRoles } from '@openday/domain/access';
import type { components } from '../../api/schema';
import type { StaffRole } from '../shell/menu';

/** The roles the manager may give in an agency: the gateway's own rule (libs/domain). */
export { grantableRoles };

export type StaffAccount = components['schemas']['StaffAccountDto'];
export type CreateAccountBody = components['schemas']['CreateStaffAccountRequest'];
export type UpdateAccountBody = components['schemas']['UpdateStaffAccountRequest'];

/** The city office's own agency: city-office accounts live there and nowhere else. */
export const CITY_OFFICE_AGENCY = CITY_OFFICE_AGENCY_ID;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const DISPLAY_NAME_MAX = 100;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const EMAIL_MAX = 254;
/** The shape the gateway checks fully: one @, something on each side, a dot in the domain, no spaces. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AllowedChanges {
  rename: boolean;
  changeRole: boolean;
  disable: boolean;
  resetPassword: boolean;
}

/** What the manager may do to an account: nobody changes their own role or disables themselves; an agency admin leaves city-office accounts alone. */
export function allowedChanges(manager: { userId: string; role: string }, account: Pick<StaffAccount, 'id' | 'role' | 'agencyId'>): AllowedChanges {
  const grantable = grantableRoles(manager.role, account.agencyId);
  const mayTouch = manager.role === 'city-office' || (manager.role === 'agency-admin' && account.role !== 'city-office');
  if (!mayTouch || !grantable.includes(account.role)) return { rename: false, changeRole: false, disable: false, resetPassword: false };
  const self = manager.userId === account.id;
  return { rename: true, changeRole: !self, disable: !self, resetPassword: true };
}

export type AccountField = 'username' | 'displayName' | 'role' | 'password' | 'email';
export type AccountProblem = 'required' | 'username-shape' | 'too-long' | 'role-not-allowed' | 'password-length' | 'email-shape';

export interface AccountForm {
  username: string;
  displayName: string;
  role: StaffRole | null;
  password: string;
  /** Optional: empty means none. */
  email: string;
}

/** The new account as the API takes it (username in lower case), or each field's problem. */
export function newAccountBody(
  form: AccountForm,
  grantable: readonly StaffRole[],
): { ok: true; body: CreateAccountBody } | { ok: false; problems: Partial<Record<AccountField, AccountProblem>> } {
  const problems: Partial<Record<AccountField, AccountProblem>> = {};
  const username = form.username.trim().toLowerCase();
  const displayName = form.displayName.trim();
  if (!username) problems.username = 'required';
  else if (!USERNAME_PATTERN.test(username)) problems.username = 'username-shape';
  const nameProblem = displayNameProblem(displayName);
  if (nameProblem) problems.displayName = nameProblem;
  if (form.role === null) problems.role = 'required';
  else if (!grantable.includes(form.role)) problems.role = 'role-not-allowed';
  const passwordIssue = passwordProblem(form.password);
  if (passwordIssue) problems.password = passwordIssue;
  const email = form.email.trim();
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.email = emailIssue;
  if (Object.keys(problems).length > 0 || form.role === null) return { ok: false, problems };
  return { ok: true, body: { username, displayName, role: form.role, password: form.password, ...(email ? { email } : {}) } };
}

export function displayNameProblem(name: string): AccountProblem | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  if (trimmed.length > DISPLAY_NAME_MAX) return 'too-long';
  return undefined;
}

export function passwordProblem(password: string): AccountProblem | undefined {
  if (!password) return 'required';
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return 'password-length';
  return undefined;
}

/** An optional address: empty is fine, anything else must look like an address. */
export function emailProblem(email: string): AccountProblem | undefined {
  const trimmed = email.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > EMAIL_MAX || !EMAIL_SHAPE.test(trimmed)) return 'email-shape';
  return undefined;
}

export interface AccountEdit {
  displayName: string;
  role: StaffRole;
  /** A new address; empty keeps the current one (the page only ever sees it masked). */
  newEmail: string;
  removeEmail: boolean;
}

/** Only what changed: an unchanged name or role is not sent (nor audited); an address is sent when typed or removed. */
export function accountEdit(account: Pick<StaffAccount, 'displayName' | 'role' | 'email'>, edit: AccountEdit): UpdateAccountBody {
  const body: UpdateAccountBody = {};
  if (edit.displayName.trim() !== account.displayName) body.displayName = edit.displayName.trim();
  if (edit.role !== account.role) body.role = edit.role;
  if (edit.removeEmail && account.email !== null) body.email = null;
  else if (!edit.removeEmail && edit.newEmail.trim()) body.email = edit.newEmail.trim();
  return body;
}

// No 0/O, 1/l/I: the password is read out or copied by hand.
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const GENERATED_PASSWORD_LENGTH = 14;

/**
 * An initial password from random bytes (crypto.getRandomValues in the page): 14 characters of
 * an alphabet without look-alikes, with at least one capital, one small letter and one digit.
 * Bytes above the largest multiple of the alphabet's size are skipped, so every character is
 * equally likely.
 */
export function passwordFrom(bytes: Uint8Array): string | undefined {
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  const chars: string[] = [];
  for (const byte of bytes) {
    if (byte >= limit) continue;
    chars.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length]);
    if (chars.length === GENERATED_PASSWORD_LENGTH) break;
  }
  const password = chars.join('');
  if (password.length < GENERATED_PASSWORD_LENGTH || !/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password)) return undefined;
  return password;
}

export function generatePassword(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  for (;;) {
    const password = passwordFrom(random(new Uint8Array(64)));
    if (password) return password;
  }
}

/** Enabled accounts first, then by username (the list as the API gives it, by username). */
export function accountRows(accounts: readonly StaffAccount[]): StaffAccount[] {
  return [...accounts].sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.username.localeCompare(b.username));
}
