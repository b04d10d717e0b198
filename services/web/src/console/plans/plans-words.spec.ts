import { describeWords, wordKeys } from '../../i18n/words-check';
import { CATEGORIES, OPEN_DAY_FORMS, SELECTION_MODES } from './plan-form';
import { PLAN_STATUSES } from './plan-status';

describeWords('console-plans', __dirname, 'console.plans');

describe('the plans words built from values', () => {
  const zh = wordKeys('console-plans', 'zh-CN');
  const en = wordKeys('console-plans', 'en');
  // Every rule the browser checks or the server names (scheduling's validatePlan, the filing deadline, session ids).
  const RULES = [
    'notBlank', 'tooLong', 'tooMany', 'required', 'atLeastOneForm', 'uniqueForms', 'siteVisitVenues', 'venueRequired', 'uniqueVenueNames',
    'atLeastOneSession', 'calendarDate', 'positiveCapacity', 'timeOfDay', 'endAfterStart', 'sessionsOverlap', 'agendaRequired', 'knownVenue',
    'agendaWithinSession', 'agendaOverlap', 'uniqueCategories', 'positivePlaces', 'mediaOutsideQuota', 'shareRange', 'quotasWithinCapacity',
    'minimumShareReachable', 'ageRange', 'uniqueDistricts', 'knownDistrict', 'dateTime', 'windowOrder', 'closesBeforeEvent', 'opensAfterPublication',
    'publishBeforeEvent', 'mediaPlacesRange', 'mediaPlacesOutsideQuota', 'uniqueDepartments', 'selectionMode', 'nothingChanged', 'filingDeadline', 'knownSession', 'uniqueSessionId', 'unknown',
  ];
  // The fields a problem can name (the last part of its path).
  const FIELDS = [
    'title', 'theme', 'forms', 'selectionMode', 'sessions', 'date', 'startsAt', 'endsAt', 'capacity', 'mediaPlaces', 'agenda', 'activity', 'venue', 'id', 'venues',
    'name', 'address', 'assemblyPoint', 'transport', 'quotas', 'category', 'places', 'minOrdinaryShare', 'mediaOutsideQuota', 'eligibility', 'minAge',
    'maxAge', 'districts', 'registrationOpensAt', 'registrationClosesAt', 'publishAt', 'coSigningDepartments', 'notices', 'reason', 'releasedTicketIds',
  ];

  it.each([
    ...PLAN_STATUSES.map((status) => `statuses.${status}`),
    ...OPEN_DAY_FORMS.map((form) => `forms.${form}`),
    ...SELECTION_MODES.flatMap((mode) => [`modes.${mode}`, `modeHelp.${mode}`]),
    ...CATEGORIES.map((category) => `categories.${category}`),
    ...['created', 'edited', 'submitted', 'returned', 'approved', 'published', 'change-filed', 'change-returned', 'changed', 'cancelled'].map((action) => `history.actions.${action}`),
    ...RULES.map((rule) => `rules.${rule}`),
    ...FIELDS.map((field) => `fields.${field}`),
    ...['session', 'agendaItem', 'venue', 'quota', 'notice', 'form', 'district', 'department', 'releasedTicket'].map((where) => `where.${where}`),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
