import { InvalidCalendarDateError } from '../calendar';
import { ageOn, parseResidentId, residentIdCheckCharacter } from './resident-id';

const TODAY = '2026-11-23';

describe('residentIdCheckCharacter', () => {
  it.each([
    ['11010519491231002', 'X'], // the worked example in GB 11643-1999
    ['44052418800101001', '4'], // the standard's other example
    ['11010519900307123', '9'],
    ['32010619851112654', '0'],
  ])('%s → %s', (first17, expected) => {
    expect(residentIdCheckCharacter(first17)).toBe(expected);
  });
});

describe('parseResidentId accepts', () => {
  it.each([
    {
      input: '110105199003071239',
      normalized: '110105199003071239',
      birthDate: '1990-03-07',
      sex: 'male',
      regionCode: '110105',
      kind: 'resident',
    },
    {
      input: '11010519491231002X',
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
      kind: 'resident',
    },
    {
      input: '11010519491231002x',
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
      kind: 'resident',
    },
    {
      input: ' 320106198511126540 ',
      normalized: '320106198511126540',
      birthDate: '1985-11-12',
      sex: 'female',
      regionCode: '320106',
      kind: 'resident',
    },
    {
      input: '310115200002298760',
      normalized: '310115200002298760',
      birthDate: '2000-02-29',
      sex: 'female',
      regionCode: '310115',
      kind: 'resident',
    },
    {
      input: '110105190001011231',
      normalized: '110105190001011231',
      birthDate: '1900-01-01',
      sex: 'male',
      regionCode: '110105',
      kind: 'resident',
    },
    {
      input: '110105202611231237',
      normalized: '110105202611231237',
      birthDate: TODAY,
      sex: 'male',
      regionCode: '110105',
      kind: 'resident',
    },
    {
      input: '810000199408230021',
      normalized: '810000199408230021',
      birthDate: '1994-08-23',
      sex: 'female',
      regionCode: '810000',
      kind: 'hk-macau-permit',
    },
    {
      input: '820000200107150033',
      normalized: '820000200107150033',
      birthDate: '2001-07-15',
      sex: 'male',
      regionCode: '820000',
      kind: 'hk-macau-permit',
    },
    {
      input: '830000197805060040',
      normalized: '830000197805060040',
      birthDate: '1978-05-06',
      sex: 'female',
      regionCode: '830000',
      kind: 'taiwan-permit',
    },
  ])('$input', ({ input, ...value }) => {
    expect(parseResidentId(input, TODAY)).toEqual({ ok: true, value });
  });
});

describe('parseResidentId refuses', () => {
  it.each([
    ['17 characters', '11010519900307123', 'format'],
    ['19 characters', '1101051990030712390', 'format'],
    ['a letter in the middle', '1101051990A3071239', 'format'],
    ['X before the last character', '11010519900307X239', 'format'],
    ['spaces inside', '110105 19900307 1239', 'format'],
    ['an empty string', '', 'format'],
    ['a number instead of a string', 110105199003071, 'format'],
    ['undefined', undefined, 'format'],
    ['a wrong check digit', '110105199003071238', 'checksum'],
    ['X where a digit is due', '11010519900307123X', 'checksum'],
    ['a digit where X is due', '110105194912310020', 'checksum'],
    ['a region starting with 9', '990105199003071232', 'region'],
    ['a region that is no province', '100105199003071237', 'region'],
    ['30 February', '110105199002301231', 'birthDate'],
    ['31 April', '110105199004311230', 'birthDate'],
    ['29 February in a common year', '11010519900229123X', 'birthDate'],
    ['month 13', '11010519901301123X', 'birthDate'],
    ['month 00', '110105199000011230', 'birthDate'],
    ['day 00', '110105199001001237', 'birthDate'],
    ['a birth date tomorrow', '110105202611241232', 'birthDate'],
    ['a birth date before 1900', '440524188001010014', 'birthDate'],
    ['a birth date on 31 December 1899', '110105189912311237', 'birthDate'],
  ])('%s: %p → %s', (_case, input, rule) => {
    const result = parseResidentId(input, TODAY);
    expect(result).toMatchObject({ ok: false, rule });
  });

  it.each([
    ['110105199003071238', 'Resident ID checksum: the last character does not match the first 17 digits'],
    ['110105199002301231', 'Resident ID birth date: 1990-02-30 is not a real calendar date'],
    ['110105202611241232', 'Resident ID birth date: 2026-11-24 is in the future'],
    ['440524188001010014', 'Resident ID birth date: 1880-01-01 is before 1900'],
    ['990105199003071232', 'Resident ID region: 990105 is not a province, Hong Kong, Macau or Taiwan code'],
  ])('explains %s in a message naming the rule', (input, message) => {
    expect(parseResidentId(input, TODAY)).toMatchObject({ ok: false, message });
  });

  it('needs a real today', () => {
    expect(() => parseResidentId('110105199003071239', '2026-02-30')).toThrow(InvalidCalendarDateError);
  });
});

describe('ageOn', () => {
  it.each([
    ['day before the birthday', '1990-03-07', '2026-03-06', 35],
    ['on the birthday', '1990-03-07', '2026-03-07', 36],
    ['day after the birthday', '1990-03-07', '2026-03-08', 36],
    ['on the day of birth', '2026-11-23', '2026-11-23', 0],
    ['earlier month, later day', '1990-03-07', '2026-02-28', 35],
    ['29 Feb birthday, common year, 28 Feb', '2000-02-29', '2025-02-28', 24],
    ['29 Feb birthday, common year, 1 Mar', '2000-02-29', '2025-03-01', 25],
    ['29 Feb birthday, leap year, 28 Feb', '2000-02-29', '2028-02-28', 27],
    ['29 Feb birthday, leap year, 29 Feb', '2000-02-29', '2028-02-29', 28],
    ['29 Feb birthday, 2100 is not leap', '2096-02-29', '2100-03-01', 4],
    ['29 Feb birthday, 2100 is not leap, 28 Feb', '2096-02-29', '2100-02-28', 3],
  ])('%s: born %s, on %s → %i', (_case, birthDate, onDate, age) => {
    expect(ageOn(birthDate, onDate)).toBe(age);
  });

  // An event on 29 November 2026 with eligibility "18–65".
  it.each([
    ['turns 18 the day after the event', '2008-11-30', 17],
    ['turns 18 on the event day', '2008-11-29', 18],
    ['turned 18 the day before', '2008-11-28', 18],
    ['turns 66 the day after the event', '1960-11-30', 65],
    ['turns 66 on the event day', '1960-11-29', 66],
  ])('around an event date: %s (born %s) → %i', (_case, birthDate, age) => {
    expect(ageOn(birthDate, '2026-11-29')).toBe(age);
  });

  it.each([
    ['2026-02-30', '2026-11-29', InvalidCalendarDateError],
    ['1990-03-07', '26-11-29', InvalidCalendarDateError],
    ['2026-11-30', '2026-11-29', RangeError],
  ])('refuses born %s, on %s', (birthDate, onDate, error) => {
    expect(() => ageOn(birthDate, onDate)).toThrow(error);
  });
});
