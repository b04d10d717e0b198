import type { MessageContent, MessageLanguage } from '../templates/message-params';
import { renderMessage } from '../templates/render-message';

const plan = { title: '走进自来水厂', agencyId: 'water-affairs-bureau', firstSessionDate: '2026-11-29', submission: 1 };

describe('what staff are told, in Chinese with English beneath', () => {
  it.each<[string, MessageContent, MessageLanguage, string[]]>([
    [
      'a plan filed on time',
      { template: 'plan-submitted', params: { ...plan, filedOn: '2026-11-20', lastOnTimeFilingDate: '2026-11-20' } },
      'zh-CN',
      ['待审查备案：走进自来水厂 / Plan to review: 走进自来水厂', '2026年11月29日（星期日）', '在备案期限', 'Filed on Friday 20 November 2026, on time'],
    ],
    [
      'a plan filed late',
      { template: 'plan-submitted', params: { ...plan, filedOn: '2026-11-23', lastOnTimeFilingDate: '2026-11-20' } },
      'zh-CN',
      ['已超过备案期限（2026年11月20日（星期五））', 'late (last day was Friday 20 November 2026)'],
    ],
    ['a returned plan with the comments', { template: 'plan-returned', params: { title: '走进自来水厂', comments: '请补充安全预案' } }, 'zh-CN', ['方案被退回', '意见：请补充安全预案', 'Comments: 请补充安全预案']],
    ['an approved plan', { template: 'plan-approved', params: { title: '走进自来水厂', firstSessionDate: '2026-11-29' } }, 'zh-CN', ['已通过审查备案', 'approved the plan']],
    [
      'a flagged application waiting for joint review',
      { template: 'application-flagged', params: { title: null, agencyId: 'tax-bureau', answerDueDate: '2026-11-24', awaitingJointReview: true } },
      'zh-CN',
      ['一场开放日活动', '联合审查', 'joint-review department', 'Tuesday 24 November 2026'],
    ],
    ['assigned feedback with its due date', { template: 'feedback-assigned', params: { feedbackId: 'FB-1', dueDate: '2026-12-18' } }, 'zh-CN', ['意见建议 FB-1', '2026年12月18日', 'by Friday 18 December 2026']],
    [
      'a filed change of an open day, what changes and why',
      { template: 'open-day-change-filed', params: { title: '走进自来水厂', agencyId: 'water-affairs-bureau', changedFields: ['sessions', 'eligibility'], reason: '上午水厂检修' } },
      'zh-CN',
      ['待审查的开放日变更：走进自来水厂 / Open-day change to review', '（场次、报名条件）', '变更理由：上午水厂检修', '(sessions, who may apply). Please review it.'],
    ],
    [
      'a returned change with the comments',
      { template: 'open-day-change-returned', params: { title: '走进自来水厂', changedFields: ['assemblyPoint'], comments: '请补充停车说明' } },
      'zh-CN',
      ['开放日变更被退回', '（集合地点）', '开放日保持原样', '意见：请补充停车说明', 'Comments: 请补充停车说明'],
    ],
    [
      'an approved change',
      { template: 'open-day-change-approved', params: { title: '走进自来水厂', changedFields: ['venues'] } },
      'zh-CN',
      ['开放日变更已生效：走进自来水厂', '（场地）', 'approved the change to the open day "走进自来水厂" (venues)'],
    ],
    ['English alone for an English reader', { template: 'feedback-assigned', params: { feedbackId: 'FB-1', dueDate: '2026-12-18' } }, 'en', ['Feedback item FB-1']],
  ])('%s', (_label, content, language, expected) => {
    const rendered = renderMessage(content, language);
    const whole = `${rendered.subject}\n${rendered.text}`;
    for (const part of expected) expect(whole).toContain(part);
    if (language === 'en') expect(whole).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
