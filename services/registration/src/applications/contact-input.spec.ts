import { ApplicationInput, ContactDetailsRecordedV1 } from '@openday/contracts';
import { createValidationPipe, ProblemException } from '@openday/platform';

const pipe = createValidationPipe();
const applicant = { name: '张小三', idNumber: '11010519491231002X', mobile: '13812345678', category: 'ordinary-citizen', district: 'gulou', privacyConsent: true };

async function errorsOf(extra: Record<string, unknown>): Promise<string[]> {
  try {
    await pipe.transform({ channel: 'self', applicant: { ...applicant, ...extra } }, { type: 'body', metatype: ApplicationInput });
  } catch (err) {
    if (!(err instanceof ProblemException)) throw err;
    return (err.problem.errors ?? []).map((e) => `${e.field}/${e.rule}`);
  }
  return [];
}

describe('the optional e-mail address and message language of an applicant', () => {
  it.each([
    [{}, []],
    [{ email: 'zhangsan@example.cn', language: 'en' }, []],
    [{ language: 'zh-CN' }, []],
    [{ email: 'not-an-address' }, ['applicant.email/isEmail', 'applicant.email/matches']],
    [{ email: '张三@例子.中国' }, ['applicant.email/isEmail', 'applicant.email/matches']],
    [{ email: `${'a'.repeat(250)}@x.cn` }, ['applicant.email/maxLength', 'applicant.email/isEmail']],
    [{ email: 42 }, ['applicant.email/isString', 'applicant.email/maxLength', 'applicant.email/isEmail', 'applicant.email/matches']],
    [{ language: 'fr' }, ['applicant.language/isIn']],
  ])('%j → %j', async (extra, expected) => {
    expect((await errorsOf(extra)).sort()).toEqual([...expected].sort());
  });

  it.each(['zhangsan@example.cn', 'a.b+tag@mail.gov.cn', 'x_y@sub-domain.example.com'])('an address the DTO accepts (%s) also passes the event schema', async (email) => {
    expect(await errorsOf({ email })).toEqual([]);
    const data = { ...ContactDetailsRecordedV1.contract.definition.example, email };
    expect(ContactDetailsRecordedV1.contract.validate(data)).toEqual({ valid: true, errors: [] });
  });
});
