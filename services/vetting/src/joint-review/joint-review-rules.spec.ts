import { allSigned, departmentsAwaiting } from './joint-review-rules';

describe('joint review: a selection stands once every co-signing department signed', () => {
  const CO_SIGNING = ['finance-bureau', 'audit-office'];

  it.each<{ signed: string; signedBy: string[]; awaiting: string[]; stands: boolean }>([
    { signed: 'nobody', signedBy: [], awaiting: ['finance-bureau', 'audit-office'], stands: false },
    { signed: 'the first department', signedBy: ['finance-bureau'], awaiting: ['audit-office'], stands: false },
    { signed: 'the second department, first', signedBy: ['audit-office'], awaiting: ['finance-bureau'], stands: false },
    { signed: 'both, in either order', signedBy: ['audit-office', 'finance-bureau'], awaiting: [], stands: true },
    { signed: 'a department no longer co-signing, and one that is', signedBy: ['tax-bureau', 'finance-bureau'], awaiting: ['audit-office'], stands: false },
  ])('signed by $signed', ({ signedBy, awaiting, stands }) => {
    expect(departmentsAwaiting(CO_SIGNING, signedBy)).toEqual(awaiting);
    expect(allSigned(CO_SIGNING, signedBy)).toBe(stands);
  });

  it('a selection of an open day without co-signing departments stands at once', () => {
    expect(allSigned([], [])).toBe(true);
  });
});
