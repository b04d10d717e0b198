import { problemEntry } from '@openday/contracts';
import { refusalProblem } from './application-refusals';
import type { RefusalCode } from './application-rules';

describe('refusalProblem: the problem each refusal is answered with', () => {
  it.each<[RefusalCode, number, string]>([
    ['open-day-cancelled', 422, 'https://openday.example/problems/open-day-cancelled'],
    ['not-taking-applications', 422, 'https://openday.example/problems/not-taking-applications'],
    ['registration-not-open', 422, 'https://openday.example/problems/registration-not-open'],
    ['registration-closed', 422, 'https://openday.example/problems/registration-closed'],
    ['invalid-input', 400, 'about:blank'],
    ['unprocessable', 422, 'about:blank'],
    ['ineligible-applicant', 422, 'https://openday.example/problems/ineligible-applicant'],
  ])('%s → %i %s', (code, status, type) => {
    const errors = [{ field: 'applicant.idNumber', rule: 'ageOnEventDay', message: 'too young' }];
    const problem = refusalProblem({ code, detail: 'why', errors });
    expect(problem.getStatus()).toBe(status);
    expect(problem.problem).toEqual({ type, status, title: problemEntry(code).title, detail: 'why', errors });
  });

  it('leaves errors out when the refusal names no field', () => {
    expect(refusalProblem({ code: 'registration-closed', detail: 'closed' }).problem).not.toHaveProperty('errors');
  });
});
