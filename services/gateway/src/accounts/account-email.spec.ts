import { createValidationPipe, type ProblemException } from '@openday/platform';
import { CreateStaffAccountRequest, UpdateStaffAccountRequest } from './account.dto';

const account = { username: 'water-staff-2', displayName: '王小明', role: 'agency-staff', password: 'correct horse battery' };

async function problemsOf(metatype: new () => object, body: object): Promise<Array<{ field: string; rule: string }> | 'valid'> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return 'valid';
  } catch (error) {
    const problem = (error as ProblemException).problem;
    expect(problem.status).toBe(400);
    return (problem.errors ?? []).map(({ field, rule }) => ({ field, rule }));
  }
}

describe("a staff account's e-mail address", () => {
  it.each<[string, typeof CreateStaffAccountRequest | typeof UpdateStaffAccountRequest, object, Array<{ field: string; rule: string }> | 'valid']>([
    ['may be left out when creating', CreateStaffAccountRequest, account, 'valid'],
    ['is taken when it is an address', CreateStaffAccountRequest, { ...account, email: 'wang.xiaoming@water.example.gov.cn' }, 'valid'],
    ['is refused when it is not an address', CreateStaffAccountRequest, { ...account, email: 'wang.xiaoming' }, [{ field: 'email', rule: 'isEmail' }]],
    ['is refused when empty', CreateStaffAccountRequest, { ...account, email: '' }, [{ field: 'email', rule: 'isEmail' }]],
    [
      'is refused beyond 254 characters',
      CreateStaffAccountRequest,
      { ...account, email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.cn` },
      [{ field: 'email', rule: 'maxLength' }],
    ],
    ['may be changed', UpdateStaffAccountRequest, { email: 'li.si@tax.example.gov.cn' }, 'valid'],
    ['may be removed with null', UpdateStaffAccountRequest, { email: null }, 'valid'],
    ['is refused as a number', UpdateStaffAccountRequest, { email: 42 }, [{ field: 'email', rule: 'maxLength' }, { field: 'email', rule: 'isEmail' }]],
  ])('%s', async (_label, metatype, body, expected) => {
    const found = await problemsOf(metatype, body);
    if (expected === 'valid') expect(found).toBe('valid');
    else expect(found).toEqual(expect.arrayContaining(expected));
  });
});
