import type { components } from '../../api/schema';

/** The published open day, as the public listing shows it: the form reads its sessions, eligibility and window. */
export type PublicOpenDay = components['schemas']['PublicOpenDayDto'];
