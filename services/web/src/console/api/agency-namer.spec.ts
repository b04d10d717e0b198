import { agencyNamer } from './agency-namer';

describe('agencyNamer', () => {
  const nameOf = agencyNamer([
    { id: 'water-affairs-bureau', name: '市水务局' },
    { id: 'gulou-district', name: '鼓楼区人民政府' },
  ]);

  it.each([
    ['water-affairs-bureau', '市水务局'],
    ['gulou-district', '鼓楼区人民政府'],
    ['a-new-agency', 'a-new-agency'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('%s → %s', (agencyId, name) => {
    expect(nameOf(agencyId)).toBe(name);
  });
});
