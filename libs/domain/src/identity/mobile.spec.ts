import { normalizeMobile } from './mobile';

describe('normalizeMobile accepts', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
  ])('%p → %s', (input, value) => {
    expect(normalizeMobile(input)).toEqual({ ok: true, value });
  });
});

describe('normalizeMobile refuses', () => {
  it.each([
    ['12 digits', '138123456789'],
    ['10 digits', '1381234567'],
    ['starting 12', '12812345678'],
    ['starting 10', '10812345678'],
    ['starting 2', '23812345678'],
    ['a landline with area code', '01012345678'],
    ['another country code', '+85291234567'],
    ['+86 with nothing useful after it', '+86'],
    ['a plus sign without 86', '+13812345678'],
    ['letters', '138abcd5678'],
    ['brackets', '(138)12345678'],
    ['an empty string', ''],
    ['a number instead of a string', 13812345678],
    ['null', null],
  ])('%s: %p', (_case, input) => {
    expect(normalizeMobile(input)).toEqual({
      ok: false,
      rule: 'mobile',
      message: 'Mobile number: must be a mainland mobile number, 11 digits starting with 13–19, optionally after +86',
    });
  });
});
