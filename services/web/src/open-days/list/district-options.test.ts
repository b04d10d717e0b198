import { districtOptions } from './district-options';

describe('districtOptions', () => {
  it('names districts after their government, once each, skips city-wide agencies, in Chinese order (pinyin), codes last', () => {
    expect(
      districtOptions([
        { name: '市水务局', kind: 'municipal-bureau', district: null },
        { name: '鼓楼区税务局', kind: 'vertical-department', district: 'gulou' },
        { name: '鼓楼区政府', kind: 'district-town-government', district: 'gulou' },
        { name: '台江区人民政府', kind: 'district-town-government', district: 'taijiang' },
        { name: '某法院', kind: 'court', district: 'cangshan' },
      ]),
    ).toEqual([
      { value: 'gulou', label: '鼓楼区' },
      { value: 'taijiang', label: '台江区' },
      { value: 'cangshan', label: 'cangshan' },
    ]);
  });
});
