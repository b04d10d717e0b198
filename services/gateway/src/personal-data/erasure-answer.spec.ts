import { erasureAnswer } from './erasure-answer';

const AT = new Date('2026-11-20T08:00:00.000Z');
const A1 = '3a1f6c1e-1d2b-4c3d-8e4f-5a6b7c8d9e01';
const A2 = '3a1f6c1e-1d2b-4c3d-8e4f-5a6b7c8d9e02';
const titles = new Map([[A1, '走进自来水厂']]);

describe('erasureAnswer', () => {
  const cases: Array<[string, Parameters<typeof erasureAnswer>[0], { total: number; kept: string[]; zh: RegExp; en: RegExp }]> = [
    [
      'everything erased',
      [{ service: 'registration', erased: 3, kept: [] }, { service: 'notification', erased: 4, kept: [] }],
      { total: 9, kept: [], zh: /删除关于您的全部 9 条记录/, en: /erased all 9 records/ },
    ],
    [
      'an open day in progress, named by its title',
      [{ service: 'registration', erased: 0, kept: [{ applicationId: A1, reason: 'open-day-in-progress' }] }, { service: 'scheduling', erased: 0, kept: [{ applicationId: A1, reason: 'open-day-in-progress' }] }],
      { total: 2, kept: ['open-day-in-progress'], zh: /2 条记录；以下内容暂时保留[\s\S]*「走进自来水厂」正在进行或尚未结束/, en: /“走进自来水厂” has not ended yet/ },
    ],
    [
      'a no-show hash kept, the open day unknown to registration',
      [{ service: 'vetting', erased: 1, kept: [{ applicationId: A2, reason: 'no-show-register' }] }],
      { total: 3, kept: ['no-show-register'], zh: /「该活动」的爽约记录/, en: /no-show recorded at “the open day”/ },
    ],
    [
      'an unknown reason still in words',
      [{ service: 'feedback', erased: 0, kept: [{ applicationId: A1, reason: 'court-order' }] }],
      { total: 2, kept: ['court-order'], zh: /部分记录暂时保留/, en: /kept for now/ },
    ],
  ];

  it.each(cases)('%s', (_name, replies, expected) => {
    const answer = erasureAnswer(replies, 2, titles, AT);
    expect(Object.values(answer.erased).reduce((a, b) => a + b, 0)).toBe(expected.total);
    expect(answer.kept.map((item) => item.reason)).toEqual(expected.kept);
    expect(answer.words.zh.join('\n')).toMatch(expected.zh);
    expect(answer.words.en.join('\n')).toMatch(expected.en);
    expect(answer.words.zh.join('\n')).toContain('审计日志依法保存');
    expect(answer.words.en.join('\n')).toContain('audit log is kept by law');
    expect(answer.erasedAt).toBe(AT.toISOString());
  });
});
