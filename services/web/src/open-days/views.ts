import type { components } from '../api/schema';

type Schemas = components['schemas'];

/**
 * How many places are left and how many have applied, where the gateway tells
 * (optional: older answers and cached pages may not carry them yet).
 */
interface Occupancy {
  placesLeft?: number | null;
  applied?: number | null;
}

export type PublicSession = Schemas['PublicSessionDto'] & Occupancy;
export type PublicOpenDay = Omit<Schemas['PublicOpenDayDto'], 'sessions'> & Occupancy & { sessions: PublicSession[] };
export type OpenDayForm = PublicOpenDay['forms'][number];
export type SelectionMode = NonNullable<PublicOpenDay['selectionMode']>;
export type Agency = Schemas['AgencyDto'];
export type CityCalendar = Schemas['CityCalendarDto'];
export type CityCalendarDay = Schemas['CityCalendarDayDto'];

export const OPEN_DAY_FORMS: readonly OpenDayForm[] = ['site-visit', 'observation', 'meeting', 'forum', 'livestream'];
