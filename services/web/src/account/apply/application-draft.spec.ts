import { emptyDraft, emptyPerson, peopleOnForm, submissionKeyFor, toApplicationBody, type ApplicationDraft } from './application-draft';

const person = { ...emptyPerson(), name: ' 张小三 ', idNumber: '11010519491231002x', mobile: '138 1234 5678', category: 'ordinary-citizen' as const, district: 'gulou' };

function draft(overrides: Partial<ApplicationDraft>): ApplicationDraft {
  return { ...emptyDraft('s-1'), applicant: person, members: [person, { ...person, name: '李四' }], privacyConsent: true, ...overrides };
}

describe('toApplicationBody', () => {
  const cases: Array<[string, ApplicationDraft, string[]]> = [
    ['self: the applicant only', draft({ channel: 'self' }), ['channel', 'sessionId', 'applicant']],
    ['organisation: with the organisation', draft({ channel: 'organisation', recommendingOrganisation: '鼓楼区工商联' }), ['channel', 'sessionId', 'recommendingOrganisation', 'applicant']],
    ['group: the unit and members', draft({ channel: 'group', unitName: '某公司', unitCreditCode: '91350100M000100Y43' }), ['channel', 'sessionId', 'unit', 'members']],
    ['no session chosen: none sent', draft({ channel: 'self', sessionId: '' }), ['channel', 'applicant']],
  ];

  it.each(cases)('%s', (_name, given, keys) => {
    expect(Object.keys(toApplicationBody(given, 'zh-CN') ?? {})).toEqual(keys);
  });

  it('sends nothing without the privacy consent', () => {
    expect(toApplicationBody(draft({ privacyConsent: false }), 'zh-CN')).toBeNull();
  });

  it('trims, sends the consent for each person, leaves out an empty e-mail and asks for messages in the language shown', () => {
    const body = toApplicationBody(draft({ channel: 'group' }), 'en');
    expect(body?.channel === 'group' && body.members[0]).toEqual({
      name: '张小三',
      idNumber: '11010519491231002x',
      mobile: '138 1234 5678',
      category: 'ordinary-citizen',
      district: 'gulou',
      privacyConsent: true,
      language: 'en',
    });
  });
});

describe('peopleOnForm', () => {
  it.each([
    ['self', ['applicant']],
    ['organisation', ['applicant']],
    ['group', ['members[0]', 'members[1]']],
  ] as const)('%s', (channel, paths) => {
    expect(peopleOnForm(draft({ channel })).map((p) => p.path)).toEqual(paths);
  });
});

describe('submissionKeyFor', () => {
  const body = toApplicationBody(draft({ channel: 'self' }), 'zh-CN')!;
  const changed = toApplicationBody(draft({ channel: 'self', applicant: { ...person, name: '王五' } }), 'zh-CN')!;
  let counter = 0;
  const newKey = () => `key-${++counter}`;

  it.each([
    ['the first submission gets a new key', null, body, 'key-1'],
    ['a retry of the same body keeps it', { key: 'key-1', body: JSON.stringify(body) }, body, 'key-1'],
    ['a changed body gets a new one', { key: 'key-1', body: JSON.stringify(body) }, changed, 'key-2'],
  ] as const)('%s', (_name, previous, given, key) => {
    expect(submissionKeyFor(previous, given, newKey).key).toBe(key);
  });
});
