import { rosterFigures } from './roster-figures';

describe('rosterFigures', () => {
  it.each([
    [{ issued: 20, checkedIn: 0, noShow: 0, revoked: 0 }, { checkedIn: 0, expected: 20, waiting: 20, noShow: 0, revoked: 0, percentIn: 0 }],
    [{ issued: 5, checkedIn: 14, noShow: 0, revoked: 1 }, { checkedIn: 14, expected: 19, waiting: 5, noShow: 0, revoked: 1, percentIn: 73 }],
    [{ issued: 0, checkedIn: 17, noShow: 3, revoked: 2 }, { checkedIn: 17, expected: 20, waiting: 0, noShow: 3, revoked: 2, percentIn: 85 }],
    [{ issued: 0, checkedIn: 0, noShow: 0, revoked: 4 }, { checkedIn: 0, expected: 0, waiting: 0, noShow: 0, revoked: 4, percentIn: null }],
  ])('%j', (counts, expected) => {
    expect(rosterFigures(counts)).toEqual(expected);
  });
});
