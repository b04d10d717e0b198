import { APPLICANT_CATEGORIES, type ApplicantCategory } from '@openday/contracts';
import { SELECTION_CATEGORIES, type SelectionCategory } from '@openday/domain';

// The allocation rule (libs/domain) names the categories itself, since the contracts depend on it;
// vetting hands it contracts' categories, so both lists must stay the same.
describe('the categories the allocation rule knows', () => {
  it('are the applicant categories of the contracts', () => {
    const fromContracts: readonly SelectionCategory[] = APPLICANT_CATEGORIES;
    const fromDomain: readonly ApplicantCategory[] = SELECTION_CATEGORIES;
    expect(fromDomain).toEqual(fromContracts);
  });
});
