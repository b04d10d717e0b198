import { apiQueryFromFilters, daysInMonth, filtersFromSearch, hasFilters, NO_FILTERS, searchFromFilters, type ListFilters } from './filters';

describe('list filters in the address', () => {
  it.each<[string, string, Partial<ListFilters>]>([
    ['nothing', '', {}],
    ['everything', 'q=水厂&agency=water-affairs-bureau&month=2026-11&form=site-visit&district=gulou&open=1&view=calendar', {
      q: '水厂', agencyId: 'water-affairs-bureau', month: '2026-11', form: 'site-visit', district: 'gulou', openNow: true, view: 'calendar',
    }],
    ['a month that is not one', 'month=2026-13', {}],
    ['a form that is not one', 'form=picnic', {}],
    ['open only when 1', 'open=yes', {}],
    ['search trimmed', 'q=%20%20水厂%20', { q: '水厂' }],
  ])('%s', (_case, query, expected) => {
    const filters = filtersFromSearch(new URLSearchParams(query));
    expect(filters).toEqual({ ...NO_FILTERS, ...expected });
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('writes nothing for no filter', () => {
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, view: 'calendar' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, openNow: true })).toBe(true);
  });
});

describe('apiQueryFromFilters', () => {
  it.each<[string, Partial<ListFilters>, object]>([
    ['none', {}, {}],
    ['a month is its first to last day', { month: '2026-02' }, { from: '2026-02-01', to: '2026-02-28' }],
    ['a leap February', { month: '2028-02' }, { from: '2028-02-01', to: '2028-02-29' }],
    ['the rest as they are', { agencyId: 'a', form: 'forum', district: 'gulou', openNow: true, q: 'x' }, { agencyId: 'a', form: 'forum', district: 'gulou', openNow: true, q: 'x' }],
  ])('%s', (_case, filters, expected) => {
    expect(apiQueryFromFilters({ ...NO_FILTERS, ...filters })).toEqual(expected);
  });

  it.each([
    ['2026-01', 31],
    ['2026-04', 30],
    ['2026-12', 31],
  ])('%s has %d days', (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });
});
