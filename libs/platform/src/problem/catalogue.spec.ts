import { problem } from './catalogue';
import { problemOf } from './problem';

describe('problem(code)', () => {
  it('takes type, status and title from the catalogue', () => {
    expect(problemOf(problem('duplicate-application', { detail: 'You applied for this open day already.' }))).toEqual({
      type: 'https://openday.example/problems/duplicate-application',
      title: 'Already applied',
      status: 409,
      detail: 'You applied for this open day already.',
    });
  });

  it('names the one field and rule, with the detail as its message', () => {
    expect(problemOf(problem('change-pending', { detail: 'Another change waits.', field: 'openDayId', rule: 'changePending' }))).toMatchObject({
      status: 409,
      errors: [{ field: 'openDayId', rule: 'changePending', message: 'Another change waits.' }],
    });
  });

  it('answers a generic refusal as about:blank with the status phrase, as before the catalogue', () => {
    const errors = [{ field: 'limit', rule: 'max', message: 'limit must not be greater than 100' }];
    expect(problemOf(problem('invalid-input', { detail: 'The request has invalid fields.', errors }))).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields.',
      errors,
    });
  });

  it('keeps the cause for the log, out of the problem', () => {
    const cause = new Error('ECONNREFUSED 10.0.0.7');
    const exception = problem('service-unavailable', { detail: 'Try again.', cause });
    expect(exception.cause).toBe(cause);
    expect(JSON.stringify(problemOf(exception))).not.toContain('10.0.0.7');
  });
});
