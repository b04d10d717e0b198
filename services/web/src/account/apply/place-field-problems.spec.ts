import { placeFieldProblems } from './place-field-problems';

const controls = new Set([
  'sessionId',
  'unit.name',
  'unit.creditCode',
  'members',
  'members[0]',
  'members[0].idNumber',
  'members[1]',
  'members[1].idNumber',
  'members[1].mobile',
  'privacyConsent',
]);

describe('placeFieldProblems', () => {
  const cases: Array<[string, string, string]> = [
    ['its own control', 'members[1].idNumber', 'members[1].idNumber'],
    ['the unit', 'unit.creditCode', 'unit.creditCode'],
    ["any person's consent: the one consent tick", 'members[1].privacyConsent', 'privacyConsent'],
    ['a property with no control: the member it belongs to', 'members[1].nickname', 'members[1]'],
    ['the list itself', 'members', 'members'],
    ['a member the form does not show: the list', 'members[7].idNumber', 'members'],
    ['nothing on the form: the top', 'channel', ''],
    ['a header: the top', 'Idempotency-Key', ''],
  ];

  it.each(cases)('%s (%s → %s)', (_name, field, where) => {
    const placed = placeFieldProblems([{ field, rule: 'r', message: 'm' }], controls);
    expect(Object.keys(placed)).toEqual([where]);
  });

  it('keeps several problems of one field together, in order', () => {
    const placed = placeFieldProblems(
      [
        { field: 'members[1].idNumber', rule: 'isResidentId', message: 'a' },
        { field: 'members[1].idNumber', rule: 'onePerPerson', message: 'b' },
      ],
      controls,
    );
    expect(placed['members[1].idNumber'].map((p) => p.rule)).toEqual(['isResidentId', 'onePerPerson']);
  });
});
