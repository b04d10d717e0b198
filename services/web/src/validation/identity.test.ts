import {
  ageFromResidentId,
  creditCodeProblem,
  mobileProblem,
  normalizedMobile,
  normalizedResidentId,
  residentIdProblem,
} from './identity';

const TODAY = '2026-12-03';

describe('residentIdProblem (GB 11643)', () => {
  it.each([
    ['11010519491231002X', undefined],
    ['11010519491231002x', undefined],
    [' 11010519491231002X ', undefined],
    ['440304200002291236', undefined],
    ['', 'required'],
    ['   ', 'required'],
    ['1101051949123100', 'residentIdFormat'],
    ['11010519491231002Y', 'residentIdFormat'],
    ['110105194912310021', 'residentIdChecksum'],
    ['110105190002300019', 'residentIdBirthDate'],
    ['110105203012310018', 'residentIdBirthDate'],
  ])('%j → %s', (value, expected) => {
    expect(residentIdProblem(value, TODAY)).toBe(expected);
  });

  it('normalises lower-case x to X', () => {
    expect(normalizedResidentId('11010519491231002x', TODAY)).toBe('11010519491231002X');
    expect(normalizedResidentId('110105194912310021', TODAY)).toBeUndefined();
  });
});

describe('ageFromResidentId', () => {
  it.each([
    ['110105200803151232', '2026-03-14', 17],
    ['110105200803151232', '2026-03-15', 18],
    ['11010519491231002X', '2026-11-29', 76],
    ['440304200002291236', '2026-02-28', 25],
    ['440304200002291236', '2026-03-01', 26],
    ['110105200803151232', '2001-01-01', undefined],
    ['110105194912310021', '2026-11-29', undefined],
  ])('%s on %s → %s', (id, onDate, expected) => {
    expect(ageFromResidentId(id, onDate, TODAY)).toBe(expected);
  });
});

describe('mobileProblem', () => {
  it.each([
    ['13800138000', undefined],
    ['+86 138 0013 8000', undefined],
    ['138-0013-8000', undefined],
    ['8613800138000', undefined],
    ['', 'required'],
    ['12800138000', 'mobile'],
    ['1380013800', 'mobile'],
    ['138001380001', 'mobile'],
    ['abc', 'mobile'],
  ])('%j → %s', (value, expected) => {
    expect(mobileProblem(value)).toBe(expected);
  });

  it('reduces a number to its 11 digits', () => {
    expect(normalizedMobile('+86 138 0013 8000')).toBe('13800138000');
  });
});

describe('creditCodeProblem (GB 32100)', () => {
  it.each([
    ['91350100M000100Y43', undefined],
    ['91110000600037341L', undefined],
    ['91110000600037341l', undefined],
    ['', 'required'],
    ['91110000600037341', 'creditCodeFormat'],
    ['9111000060003734IL', 'creditCodeFormat'],
    ['91110000600037341M', 'creditCodeChecksum'],
  ])('%j → %s', (value, expected) => {
    expect(creditCodeProblem(value)).toBe(expected);
  });
});
