import { ApplicationInput } from '@openday/contracts';
import { createValidationPipe, ProblemException } from '@openday/platform';

const pipe = createValidationPipe();

const applicant = {
  name: '张小三',
  idNumber: '11010519491231002x',
  mobile: '+86 138-1234-5678',
  category: 'ordinary-citizen',
  district: 'gulou',
  privacyConsent: true,
};
const unit = { name: '温泉街道社区服务中心', creditCode: '91350100m000100y43' };

async function validate(body: unknown): Promise<ApplicationInput> {
  return pipe.transform(body, { type: 'body', metatype: ApplicationInput }) as Promise<ApplicationInput>;
}

async function errorsOf(body: unknown): Promise<string[]> {
  try {
    await validate(body);
  } catch (err) {
    if (!(err instanceof ProblemException)) throw err;
    expect(err.getStatus()).toBe(400);
    return (err.problem.errors ?? []).map((e) => `${e.field}/${e.rule}`);
  }
  return [];
}

describe('the application body (HTTP and RPC)', () => {
  it.each([
    ['self', { channel: 'self', applicant }],
    ['organisation', { channel: 'organisation', recommendingOrganisation: '鼓楼区人大常委会', applicant }],
    ['group', { channel: 'group', unit, members: [applicant, { ...applicant, idNumber: '110105199003071239' }] }],
  ])('accepts a %s application and normalises ID, mobile and credit code', async (_channel, body) => {
    const dto = await validate(body);
    expect(dto).toBeInstanceOf(ApplicationInput);
    const person = dto.applicant ?? dto.members![0];
    expect(person).toMatchObject({ idNumber: '11010519491231002X', mobile: '13812345678' });
    if (dto.unit) expect(dto.unit.creditCode).toBe('91350100M000100Y43');
  });

  const member = (overrides: object) => ({ ...applicant, ...overrides });
  it.each([
    ['wrong ID checksum', { channel: 'self', applicant: member({ idNumber: '110105199003071238' }) }, ['applicant.idNumber/isResidentId']],
    ['30 February', { channel: 'self', applicant: member({ idNumber: '110105199002301231' }) }, ['applicant.idNumber/isResidentId']],
    ['a bad member', { channel: 'group', unit, members: [applicant, applicant, member({ idNumber: '123' })] }, ['members[2].idNumber/isResidentId']],
    ['malformed mobile', { channel: 'self', applicant: member({ mobile: '12812345678' }) }, ['applicant.mobile/isMainlandMobile']],
    ['malformed credit code', { channel: 'group', unit: { ...unit, creditCode: '91350100M000100Y44' }, members: [applicant] }, ['unit.creditCode/isCreditCode']],
    ['no consent', { channel: 'self', applicant: member({ privacyConsent: false }) }, ['applicant.privacyConsent/equals']],
    ['consent as a string', { channel: 'self', applicant: member({ privacyConsent: 'true' }) }, ['applicant.privacyConsent/equals']],
    ['unknown category', { channel: 'self', applicant: member({ category: 'vip' }) }, ['applicant.category/isIn']],
    ['missing applicant', { channel: 'self' }, ['applicant/isDefined']],
    ['missing organisation', { channel: 'organisation', applicant }, ['recommendingOrganisation/isFreeText']],
    ['group fields on self', { channel: 'self', applicant, unit }, ['unit/channelField']],
    ['applicant on group', { channel: 'group', unit, members: [applicant], applicant }, ['applicant/channelField']],
    ['no members', { channel: 'group', unit, members: [] }, ['members/arrayMinSize']],
    ['101 members', { channel: 'group', unit, members: Array(101).fill(applicant) }, ['members/arrayMaxSize']],
    ['unknown channel', { channel: 'vip', applicant }, ['channel/isIn', 'applicant/channelField']],
    ['missing name', { channel: 'self', applicant: { ...applicant, name: undefined } }, ['applicant.name/isPersonName']],
    ['name as a number', { channel: 'self', applicant: member({ name: 42 }) }, ['applicant.name/isPersonName']],
    ['oversized name', { channel: 'self', applicant: member({ name: '张'.repeat(51) }) }, ['applicant.name/isPersonName']],
    ['a NUL in the name', { channel: 'self', applicant: member({ name: '张\u0000三' }) }, ['applicant.name/isPersonName']],
    ['a right-to-left override in the name', { channel: 'self', applicant: member({ name: '\u202E三张' }) }, ['applicant.name/isPersonName']],
    ['an emoji in the name', { channel: 'self', applicant: member({ name: '张三😀' }) }, ['applicant.name/isPersonName']],
    ['a control character in a member name', { channel: 'group', unit, members: [member({ name: '李\u0007四' })] }, ['members[0].name/isPersonName']],
    ['a NUL in the unit name', { channel: 'group', unit: { ...unit, name: '中心\u0000' }, members: [applicant] }, ['unit.name/isFreeText']],
    ['oversized district', { channel: 'self', applicant: member({ district: 'd'.repeat(65) }) }, ['applicant.district/isFreeText']],
    ['unknown field', { channel: 'self', applicant: member({ passport: 'E123' }) }, ['applicant.passport/whitelistValidation']],
    ['bad session id', { channel: 'self', applicant, sessionId: 'first' }, ['sessionId/isUuid']],
  ])('refuses %s, naming field and rule', async (_label, body, expected) => {
    expect((await errorsOf(body)).sort()).toEqual([...expected].sort());
  });

  it('stores the name normalised: NFC, spaces collapsed, the middle dot as U+00B7', async () => {
    const dto = await validate({ channel: 'self', applicant: member({ name: '  艾力\u30FB买买提 ' }) });
    expect(dto.applicant!.name).toBe('艾力·买买提');
  });

  it('names the field and the rule in words', async () => {
    const problem = await validate({ channel: 'self', applicant: member({ name: '张\u0000三' }) }).catch((err: ProblemException) => err.problem);
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'applicant.name', rule: 'isPersonName', message: expect.stringMatching(/^name must not contain control characters/) }] });
  });

  it('never echoes the submitted ID number or mobile in the problem', async () => {
    try {
      await validate({ channel: 'self', applicant: member({ idNumber: '110105199003071238', mobile: '12812345678' }) });
    } catch (err) {
      expect(JSON.stringify((err as ProblemException).problem)).not.toMatch(/110105199003071238|12812345678/);
    }
  });
});
