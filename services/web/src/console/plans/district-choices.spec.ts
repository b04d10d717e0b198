import { districtChoices, districtNames, type District } from './district-choices';

const list: District[] = [
  { code: 'gulou', nameZh: '鼓楼区', nameEn: 'Gulou District', active: true },
  { code: 'taijiang', nameZh: '台江区', nameEn: 'Taijiang District', active: true },
  { code: 'mawei', nameZh: '马尾区', nameEn: 'Mawei District', active: false },
];

describe('districtChoices', () => {
  it.each([
    { case: 'the active districts in Chinese', language: 'zh-CN', chosen: [], labels: ['鼓楼区', '台江区'] },
    { case: 'the active districts in English', language: 'en', chosen: [], labels: ['Gulou District', 'Taijiang District'] },
    { case: 'a chosen district deactivated since, kept', language: 'zh-CN', chosen: ['mawei'], labels: ['鼓楼区', '台江区', '马尾区'] },
    { case: 'a chosen code not on the list, shown as it is', language: 'en', chosen: ['gulou', '鼓楼'], labels: ['Gulou District', 'Taijiang District', '鼓楼'] },
  ])('$case', ({ language, chosen, labels }) => {
    expect(districtChoices(list, language, chosen).map((choice) => choice.label)).toEqual(labels);
  });
});

describe('districtNames', () => {
  it.each([
    { case: 'one district in Chinese', language: 'zh-CN', codes: ['gulou'], text: '鼓楼区' },
    { case: 'three in Chinese, any of them', language: 'zh-CN', codes: ['gulou', 'taijiang', 'mawei'], text: '鼓楼区、台江区或马尾区' },
    { case: 'two in English, in the plan\'s order', language: 'en', codes: ['taijiang', 'gulou'], text: 'Taijiang District or Gulou District' },
    { case: 'a code not on the list, as it is', language: 'en', codes: ['gulou', 'cangshan'], text: 'Gulou District or cangshan' },
  ])('$case', ({ language, codes, text }) => {
    expect(districtNames(list, language, codes)).toBe(text);
  });
});
