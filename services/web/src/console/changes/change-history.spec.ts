import { changeFromQuery, changeToCorrect, pendingChange, type ChangeStatus } from './change-history';

const change = (id: string, status: ChangeStatus, submittedAt: string) => ({ id, status, submittedAt });

describe('pendingChange', () => {
  it.each([
    ['none filed', [], undefined],
    ['one waits', [change('a', 'applied', '2026-12-01T01:00:00Z'), change('b', 'submitted', '2026-12-02T01:00:00Z')], 'b'],
    ['returned and applied ones do not wait', [change('a', 'applied', '2026-12-01T01:00:00Z'), change('b', 'returned', '2026-12-02T01:00:00Z')], undefined],
  ])('%s', (_name, changes, id) => {
    expect(pendingChange(changes)?.id).toBe(id);
  });
});

describe('changeToCorrect', () => {
  it.each([
    ['none filed', [], undefined],
    ['the newest was returned', [change('a', 'applied', '2026-12-01T01:00:00Z'), change('b', 'returned', '2026-12-02T01:00:00Z')], 'b'],
    ['a return answered by a later change', [change('a', 'returned', '2026-12-01T01:00:00Z'), change('b', 'submitted', '2026-12-02T01:00:00Z')], undefined],
    ['in any order', [change('b', 'returned', '2026-12-03T01:00:00Z'), change('a', 'applied', '2026-12-04T01:00:00Z')], undefined],
  ])('%s', (_name, changes, id) => {
    expect(changeToCorrect(changes)?.id).toBe(id);
  });
});

describe('changeFromQuery', () => {
  it.each([
    [null, null],
    ['', null],
    ['not-an-id', null],
    ['0b7f3c1e-2a4d-4c5e-9f6a-1b2c3d4e5f60', '0b7f3c1e-2a4d-4c5e-9f6a-1b2c3d4e5f60'],
  ])('%s → %s', (value, id) => {
    expect(changeFromQuery(value)).toBe(id);
  });
});
