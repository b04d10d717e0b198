import { emptyDraft, type ApplicationDraft, type PersonDraft } from './application-draft';
import { checkDraft, checkPerson, type DraftRules } from './check-draft';

const rules: DraftRules = { eventDate: '2026-11-29', today: '2026-11-20', minAge: 18, maxAge: 65 };

// Born 1949-12-31, 1980-01-01 and 2008-11-30 (turns 18 the day after the event).
const ADULT = '110105198001010024';
const TOO_OLD = '11010519491231002X';
const SEVENTEEN = '110105200811300023';

const good: PersonDraft = { name: '张小三', idNumber: ADULT, mobile: '+86 138 1234 5678', category: 'ordinary-citizen', district: 'gulou', email: '' };

describe('checkPerson: the rules as the citizen types', () => {
  const cases: Array<[string, Partial<PersonDraft>, Record<string, string>]> = [
    ['everything right', {}, {}],
    ['lower-case x is the same as X', { idNumber: TOO_OLD.toLowerCase() }, { 'applicant.idNumber': 'tooOld' }],
    ['empty name', { name: '  ' }, { 'applicant.name': 'required' }],
    ['a NUL in the name', { name: '张\u0000三' }, { 'applicant.name': 'hiddenCharacters' }],
    ['a right-to-left override in the name', { name: '\u202E三张' }, { 'applicant.name': 'hiddenCharacters' }],
    ['an emoji in the name', { name: '张三😀' }, { 'applicant.name': 'emoji' }],
    ['digits in the name', { name: '张三3' }, { 'applicant.name': 'nameLetters' }],
    ['a doubled middle dot', { name: '艾力··买买提' }, { 'applicant.name': 'nameSeparators' }],
    ['51 characters', { name: '张'.repeat(51) }, { 'applicant.name': 'tooLong' }],
    ['ID too short', { idNumber: '11010519600101002' }, { 'applicant.idNumber': 'idFormat' }],
    ['ID with a wrong check character', { idNumber: '110105198001010025' }, { 'applicant.idNumber': 'idChecksum' }],
    ['ID from no province', { idNumber: '990105198001010028' }, { 'applicant.idNumber': 'idRegion' }],
    ['17 on the event day', { idNumber: SEVENTEEN }, { 'applicant.idNumber': 'tooYoung' }],
    ['76 on the event day', { idNumber: TOO_OLD }, { 'applicant.idNumber': 'tooOld' }],
    ['a landline', { mobile: '0591-8888888' }, { 'applicant.mobile': 'mobile' }],
    ['mobile starting 12', { mobile: '12812345678' }, { 'applicant.mobile': 'mobile' }],
    ['no category', { category: '' }, { 'applicant.category': 'categoryRequired' }],
    ['no district', { district: '' }, { 'applicant.district': 'districtRequired' }],
    ['a mistyped e-mail', { email: 'zhang@example' }, { 'applicant.email': 'email' }],
  ];

  it.each(cases)('%s', (_name, change, expected) => {
    const problems = checkPerson({ ...good, ...change }, 'applicant', rules);
    expect(Object.fromEntries(Object.entries(problems).map(([path, p]) => [path, p.rule]))).toEqual(expected);
  });

  it('says the age range and the day', () => {
    expect(checkPerson({ ...good, idNumber: SEVENTEEN }, 'applicant', rules)['applicant.idNumber']).toEqual({
      rule: 'tooYoung',
      values: { min: 18, date: '2026-11-29' },
    });
  });

  it('has no upper age when the open day sets none', () => {
    expect(checkPerson({ ...good, idNumber: TOO_OLD }, 'applicant', { ...rules, maxAge: null })).toEqual({});
  });
});

function draft(overrides: Partial<ApplicationDraft>): ApplicationDraft {
  return { ...emptyDraft('s-1'), applicant: good, members: [good], privacyConsent: true, ...overrides };
}

describe('checkDraft: the form as a whole', () => {
  const cases: Array<[string, ApplicationDraft, Record<string, string>]> = [
    ['self, complete', draft({}), {}],
    ['consent not ticked', draft({ privacyConsent: false }), { privacyConsent: 'consentRequired' }],
    ['organisation without its name', draft({ channel: 'organisation' }), { recommendingOrganisation: 'required' }],
    [
      'group without unit or members',
      draft({ channel: 'group', members: [] }),
      { 'unit.name': 'required', 'unit.creditCode': 'creditFormat', members: 'membersRequired' },
    ],
    ['group with a mistyped credit code', draft({ channel: 'group', unitName: '某公司', unitCreditCode: '91350100M000100Y44' }), { 'unit.creditCode': 'creditChecksum' }],
    [
      'group with the same person twice (x and X alike)',
      draft({ channel: 'group', unitName: '某公司', unitCreditCode: '91350100M000100Y43', members: [{ ...good, idNumber: TOO_OLD }, { ...good, idNumber: TOO_OLD.toLowerCase() }] }),
      { 'members[0].idNumber': 'tooOld', 'members[1].idNumber': 'tooOld' },
    ],
    [
      'group with one eligible person twice',
      draft({ channel: 'group', unitName: '某公司', unitCreditCode: '91350100M000100Y43', members: [good, good] }),
      { 'members[1].idNumber': 'samePerson' },
    ],
    ['the members of a self application are not checked', draft({ members: [{ ...good, name: '' }] }), {}],
  ];

  it.each(cases)('%s', (_name, given, expected) => {
    expect(Object.fromEntries(Object.entries(checkDraft(given, rules)).map(([path, p]) => [path, p.rule]))).toEqual(expected);
  });
});
