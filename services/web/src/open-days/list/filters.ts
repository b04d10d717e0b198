import { OPEN_DAY_FORMS, type OpenDayForm } from '../views';

/** The list's filters, kept in the address so a filtered list can be shared and survives going back. */
export interface ListFilters {
  q: string;
  agencyId: string;
  /** 'YYYY-MM' or '' for any month. */
  month: string;
  form: OpenDayForm | '';
  district: string;
  openNow: boolean;
  view: 'list' | 'calendar';
}

export const NO_FILTERS: ListFilters = { q: '', agencyId: '', month: '', form: '', district: '', openNow: false, view: 'list' };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function filtersFromSearch(search: URLSearchParams): ListFilters {
  const form = search.get('form') ?? '';
  const month = search.get('month') ?? '';
  return {
    q: search.get('q')?.trim() ?? '',
    agencyId: search.get('agency') ?? '',
    month: MONTH.test(month) ? month : '',
    form: (OPEN_DAY_FORMS as readonly string[]).includes(form) ? (form as OpenDayForm) : '',
    district: search.get('district') ?? '',
    openNow: search.get('open') === '1',
    view: search.get('view') === 'calendar' ? 'calendar' : 'list',
  };
}

/** The address's query for filters; only what differs from no filter, so plain links stay plain. */
export function searchFromFilters(filters: ListFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.agencyId) search.set('agency', filters.agencyId);
  if (filters.month) search.set('month', filters.month);
  if (filters.form) search.set('form', filters.form);
  if (filters.district) search.set('district', filters.district);
  if (filters.openNow) search.set('open', '1');
  if (filters.view === 'calendar') search.set('view', 'calendar');
  return search;
}

export interface ListQuery {
  q?: string;
  agencyId?: string;
  from?: string;
  to?: string;
  form?: OpenDayForm;
  district?: string;
  openNow?: boolean;
}

/** The API's query for filters: a month becomes its first and last day. */
export function apiQueryFromFilters(filters: ListFilters): ListQuery {
  const query: ListQuery = {};
  if (filters.q) query.q = filters.q.slice(0, 100);
  if (filters.agencyId) query.agencyId = filters.agencyId;
  if (filters.month) {
    query.from = `${filters.month}-01`;
    query.to = `${filters.month}-${String(daysInMonth(filters.month)).padStart(2, '0')}`;
  }
  if (filters.form) query.form = filters.form;
  if (filters.district) query.district = filters.district;
  if (filters.openNow) query.openNow = true;
  return query;
}

export function hasFilters(filters: ListFilters): boolean {
  return Boolean(filters.q || filters.agencyId || filters.month || filters.form || filters.district || filters.openNow);
}

export function daysInMonth(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}
