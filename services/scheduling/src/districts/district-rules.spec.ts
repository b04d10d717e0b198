import { unknownDistricts } from './district-rules';

const active = new Set(['gulou', 'taijiang']);

describe('unknownDistricts', () => {
  it.each([
    { case: 'active districts', districts: ['gulou', 'taijiang'], alreadyNamed: [], fields: [] },
    { case: 'no district (the whole city)', districts: [], alreadyNamed: [], fields: [] },
    { case: 'a district not on the list', districts: ['gulou', 'xuanwu'], alreadyNamed: [], fields: ['eligibility.districts[1]'] },
    { case: 'free text', districts: ['鼓楼区'], alreadyNamed: [], fields: ['eligibility.districts[0]'] },
    { case: 'a deactivated district the open day already names', districts: ['mawei', 'gulou'], alreadyNamed: ['mawei'], fields: [] },
    { case: 'a deactivated district newly named', districts: ['gulou', 'mawei'], alreadyNamed: ['gulou'], fields: ['eligibility.districts[1]'] },
  ])('$case', ({ districts, alreadyNamed, fields }) => {
    const problems = unknownDistricts(districts, active, alreadyNamed);
    expect(problems.map((p) => p.field)).toEqual(fields);
    expect(problems.every((p) => p.rule === 'knownDistrict')).toBe(true);
  });
});
