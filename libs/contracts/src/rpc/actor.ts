import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/** Who may do what: domain.md's roles. A citizen is a member of the public, signed in by mobile. */
export const ROLES = ['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The signed-in caller, as the gateway established it from the access token.
 * Every request/reply payload that acts for someone carries it, so a service
 * can enforce agency isolation itself instead of trusting route choice alone.
 */
export class Actor {
  @IsUUID()
  userId: string;

  @IsIn(ROLES)
  role: Role;

  /** Staff roles belong to one agency; city office and citizens have none. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/)
  agencyId?: string;
}
