import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type PublicSession = Schemas['PublicSessionDto'];
export type PublicOpenDay = Schemas['PublicOpenDayDto'];
export type OpenDayForm = PublicOpenDay['forms'][number];
export type SelectionMode = NonNullable<PublicOpenDay['selectionMode']>;
export type Agency = Schemas['AgencyDto'];
export type CityCalendar = Schemas['CityCalendarDto'];
export type CityCalendarDay = Schemas['CityCalendarDayDto'];

export const OPEN_DAY_FORMS: readonly OpenDayForm[] = ['site-visit', 'observation', 'meeting', 'forum', 'livestream'];
