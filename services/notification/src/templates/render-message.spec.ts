import { PROMOTION_CAUSES_V2 } from '@openday/contracts';
import type { MessageContent, MessageLanguage } from './message-params';
import { promotionCauseInWords } from './reasons';
import { dateEn, dateZh, renderMessage } from './render-message';

const session = {
  title: '走进自来水厂',
  date: '2026-11-29',
  startsAt: '09:00',
  endsAt: '11:30',
  venues: [{ name: '第一水厂', address: '滨江路 1 号' }],
  assemblyPoint: '市民中心北门',
};

const cases: Array<[string, MessageContent, MessageLanguage, string[]]> = [
  ['sign-in code, both languages in one text', { template: 'sign-in-code', params: { code: '482913', validForSeconds: 300 } }, 'zh-CN', ['482913', '5 分钟', 'valid for 5 minutes']],
  ['application received', { template: 'application-received', params: { title: '走进自来水厂' } }, 'zh-CN', ['“走进自来水厂”', '已收到']],
  ['application received, title unknown', { template: 'application-received', params: { title: null } }, 'en', ['the Government Open Day', 'received']],
  [
    'selected: date, time, place, assembly point and code in the text',
    { template: 'selected', params: { ...session, checkInCode: 'K7Q2M9XD', notices: ['请携带身份证原件'] } },
    'zh-CN',
    ['恭喜您入选', '2026年11月29日（星期日） 09:00-11:30', '第一水厂（滨江路 1 号）', '集合地点：市民中心北门', 'K7Q2M9XD', '请携带身份证原件'],
  ],
  [
    'selected, in English',
    { template: 'selected', params: { ...session, checkInCode: 'K7Q2M9XD', notices: [] } },
    'en',
    ['You have been selected', 'Sunday 29 November 2026, 09:00-11:30', '第一水厂 (滨江路 1 号)', 'Assembly point: 市民中心北门', 'K7Q2M9XD'],
  ],
  ['promoted', { template: 'promoted', params: { ...session, checkInCode: 'AB12CD34', notices: [] } }, 'zh-CN', ['候补名单递补入选', 'AB12CD34', '09:00-11:30']],
  ['selected with the transport', { template: 'selected', params: { ...session, checkInCode: 'K7Q2M9XD', notices: [], transport: '统一乘坐大巴' } }, 'zh-CN', ['交通：统一乘坐大巴', 'K7Q2M9XD']],
  ['promoted with the transport, in English', { template: 'promoted', params: { ...session, checkInCode: 'AB12CD34', notices: [], transport: '统一乘坐大巴' } }, 'en', ['Transport: 统一乘坐大巴', 'AB12CD34']],
  ...PROMOTION_CAUSES_V2.flatMap((cause): Array<[string, MessageContent, MessageLanguage, string[]]> =>
    (['zh-CN', 'en'] as const).map((language) => [
      `promoted after ${cause}, in ${language}: the cause in words`,
      { template: 'promoted', params: { ...session, checkInCode: 'AB12CD34', notices: [], cause } },
      language,
      [language === 'zh-CN' ? `因${promotionCauseInWords(cause).zh}，您已从候补名单递补入选` : `A place became free (${promotionCauseInWords(cause).en}): you have moved up`, 'AB12CD34'],
    ]),
  ),
  ['rejected with the reason in words', { template: 'rejected', params: { title: '走进自来水厂', reasonCode: 'district-not-eligible', refusedBy: null } }, 'zh-CN', ['未能入选', '不在本次活动面向的范围内']],
  ['rejected by joint review, naming the department', { template: 'rejected', params: { title: null, reasonCode: 'joint-review-refused', refusedBy: 'tax-bureau' } }, 'en', ['not selected', 'tax-bureau']],
  ['rejected for an unknown code: a general reason', { template: 'rejected', params: { title: null, reasonCode: 'something-new', refusedBy: null } }, 'en', ['did not meet the selection conditions']],
  ['waitlisted with the position', { template: 'waitlisted', params: { title: '走进自来水厂', position: 3 } }, 'zh-CN', ['候补第 3 位']],
  [
    "rejected by the selection group: the standard sentence, then the group's reason",
    { template: 'rejected', params: { title: '走进自来水厂', reasonCode: 'rejected-by-selection-group', refusedBy: null, groupReason: '报名材料未说明与本场主题的关系' } },
    'zh-CN',
    ['很遗憾，您未能入选“走进自来水厂”。原因：遴选小组未选择您参加本次活动。感谢您的关注。\n理由：报名材料未说明与本场主题的关系'],
  ],
  [
    "rejected by the selection group, in English, with the group's reason",
    { template: 'rejected', params: { title: null, reasonCode: 'rejected-by-selection-group', refusedBy: null, groupReason: 'places go to residents near the plant' } },
    'en',
    ['Reason: the selection group did not choose you.', '\nReason: places go to residents near the plant'],
  ],
  [
    "waitlisted by the selection group with its reason",
    { template: 'waitlisted', params: { title: '走进自来水厂', position: 2, groupReason: '同类别报名人数较多' } },
    'zh-CN',
    ['候补第 2 位', '\n理由：同类别报名人数较多'],
  ],
  [
    "waitlisted by the selection group with its reason, in English",
    { template: 'waitlisted', params: { title: null, position: 2, groupReason: 'many applicants in your category' } },
    'en',
    ['at position 2', '\nReason: many applicants in your category'],
  ],
  ['reminder', { template: 'reminder', params: { ...session, checkInCode: 'K7Q2M9XD' } }, 'en', ['Reminder', 'Sunday 29 November 2026', 'K7Q2M9XD', 'Assembly point']],
  ['open day changed', { template: 'open-day-changed', params: { ...session, startsAt: '14:00', endsAt: '16:30', reason: '水厂检修' } }, 'zh-CN', ['有变更（水厂检修）', '14:00-16:30', '市民中心北门']],
  [
    'open day changed: the new time and the old one, in English',
    { template: 'open-day-changed', params: { ...session, date: '2026-12-06', startsAt: '14:00', endsAt: '16:30', reason: 'maintenance', before: { date: '2026-11-29', startsAt: '09:00', endsAt: '11:30' } } },
    'en',
    ['has changed (maintenance)', 'Time: Sunday 6 December 2026, 14:00-16:30', 'Was: Sunday 29 November 2026, 09:00-11:30'],
  ],
  [
    'open day changed: old place and assembly point, new notices, and the waiting list told it still waits',
    {
      template: 'open-day-changed',
      params: { ...session, assemblyPoint: '水厂东门', reason: '场地调整', before: { venues: [{ name: '二水厂', address: '江滨路 2 号' }], assemblyPoint: '市民中心北门' }, notices: ['请穿平底鞋'], waitlisted: true },
    },
    'zh-CN',
    ['集合地点：水厂东门', '原地点：二水厂（江滨路 2 号）', '原集合地点：市民中心北门', '注意事项：请穿平底鞋', '仍在候补名单中'],
  ],
  ['notices updated', { template: 'open-day-changed', params: { ...session, reason: '天气转凉', subject: 'notices', notices: ['请注意保暖'] } }, 'zh-CN', ['注意事项更新', '注意事项有更新（天气转凉）', '注意事项：请注意保暖']],
  ['notices withdrawn', { template: 'open-day-changed', params: { ...session, reason: 'no longer needed', subject: 'notices', notices: [] } }, 'en', ['Updated notices', 'The earlier notices no longer apply.']],
  [
    'place given up because the places were reduced, with the reason',
    { template: 'ticket-revoked', params: { title: '走进自来水厂', date: '2026-11-29', placesReduced: { reason: '下午场地缩小' } } },
    'zh-CN',
    ['名额调减通知', '调减了场次名额', '2026年11月29日（星期日）', '原因：下午场地缩小'],
  ],
  [
    'place given up, in English',
    { template: 'ticket-revoked', params: { title: '走进自来水厂', date: '2026-11-29', placesReduced: { reason: 'a smaller hall' } } },
    'en',
    ['Places reduced', 'reduced the places of your session', 'Reason: a smaller hall'],
  ],
  ['rejected: the session was cancelled', { template: 'rejected', params: { title: '走进自来水厂', reasonCode: 'session-cancelled', refusedBy: null } }, 'zh-CN', ['您报名的场次已被主办单位取消']],
  ['rejected: the ticket was revoked', { template: 'rejected', params: { title: null, reasonCode: 'ticket-revoked', refusedBy: null } }, 'en', ['the organisers revoked your ticket']],
  ['open day cancelled', { template: 'open-day-cancelled', params: { title: '走进自来水厂', date: '2026-11-29', reason: '台风' } }, 'en', ['is cancelled', 'Sunday 29 November 2026', 'Reason: 台风']],
  ['ticket revoked', { template: 'ticket-revoked', params: { title: '走进自来水厂', date: '2026-11-29' } }, 'zh-CN', ['入场凭证已被主办单位作废']],
  [
    'feedback answered: outcome, promised date, answer and the rating invitation',
    { template: 'feedback-answered', params: { outcome: 'will-be-solved', promisedBy: '2027-03-31', passedTo: null, answer: '增设自助终端' } },
    'zh-CN',
    ['将于 2027-03-31 前解决', '增设自助终端', '1-5 分'],
  ],
  [
    'feedback answered: passed to another body',
    { template: 'feedback-answered', params: { outcome: 'not-our-remit', promisedBy: null, passedTo: '市交通局', answer: '已转交' } },
    'en',
    ['passed to 市交通局', 'rate this answer from 1 to 5'],
  ],
  [
    'feedback chase to the department',
    { template: 'feedback-chase', params: { feedbackId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', dueDate: '2026-12-21', workingDaysOverdue: 2, chaseNumber: 1 } },
    'zh-CN',
    ['第 1 次催办', '逾期 2 个工作日', '2026年12月21日'],
  ],
];

describe('renderMessage', () => {
  it.each(cases)('%s', (_label, content, language, expected) => {
    const { subject, text } = renderMessage(content, language);
    expect(subject.length).toBeGreaterThan(0);
    for (const part of expected) expect(`${subject}\n${text}`).toContain(part);
  });

  it.each([
    ['rejected', { template: 'rejected', params: { title: 'X', reasonCode: 'rejected-by-selection-group', refusedBy: null, groupReason: null } }],
    ['rejected, stored before the reason was carried', { template: 'rejected', params: { title: 'X', reasonCode: 'rejected-by-selection-group', refusedBy: null } }],
    ['waitlisted', { template: 'waitlisted', params: { title: 'X', position: 1, groupReason: null } }],
  ] as Array<[string, MessageContent]>)('%s without a reason from the group: the standard sentence alone', (_label, content) => {
    for (const language of ['zh-CN', 'en'] as const) {
      const { text } = renderMessage(content, language);
      expect(text).not.toContain('\n');
      expect(text).not.toMatch(/理由|Reason: .*Reason:/);
    }
  });

  it('chooses the language: Chinese text has no English sentence and the other way round', () => {
    const content: MessageContent = { template: 'waitlisted', params: { title: 'X', position: 2 } };
    expect(renderMessage(content, 'zh-CN').text).not.toContain('waiting list');
    expect(renderMessage(content, 'en').text).not.toContain('候补');
  });
});

describe('dates as people read them (Asia/Shanghai calendar dates)', () => {
  it.each([
    ['2026-11-29', '2026年11月29日（星期日）', 'Sunday 29 November 2026'],
    ['2027-01-01', '2027年1月1日（星期五）', 'Friday 1 January 2027'],
  ])('%s', (date, zh, en) => {
    expect(dateZh(date)).toBe(zh);
    expect(dateEn(date)).toBe(en);
  });
});
