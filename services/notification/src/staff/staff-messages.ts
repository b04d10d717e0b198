import type { OpenDayChangeableFieldV2 } from '@openday/contracts';
import type { MessageLanguage, RenderedMessage } from '../templates/message-params';
import type { StaffMessageParamsByTemplate } from './staff-message-params';

type Bilingual = Record<MessageLanguage, RenderedMessage>;
type StaffRenderers = { [T in keyof StaffMessageParamsByTemplate]: (params: StaffMessageParamsByTemplate[T]) => Bilingual };

/** How a calendar date reads in each language: the templates' own formatters (passed in, so the modules do not import each other). */
export interface DateWords {
  zh: (date: string) => string;
  en: (date: string) => string;
}

/**
 * Staff accounts choose no language: the Chinese rendering (what the department inbox and
 * staff e-mail use) carries the English text beneath it.
 */
function withEnglish(zh: RenderedMessage, en: RenderedMessage): Bilingual {
  return { 'zh-CN': { subject: `${zh.subject} / ${en.subject}`, text: `${zh.text}\n\n${en.text}` }, en };
}

const CHANGED_FIELD_WORDS: Record<OpenDayChangeableFieldV2, { zh: string; en: string }> = {
  sessions: { zh: '场次', en: 'sessions' },
  venues: { zh: '场地', en: 'venues' },
  assemblyPoint: { zh: '集合地点', en: 'assembly point' },
  eligibility: { zh: '报名条件', en: 'who may apply' },
  notices: { zh: '注意事项', en: 'notices' },
};
const changedZh = (fields: readonly OpenDayChangeableFieldV2[]) => fields.map((f) => CHANGED_FIELD_WORDS[f].zh).join('、');
const changedEn = (fields: readonly OpenDayChangeableFieldV2[]) => fields.map((f) => CHANGED_FIELD_WORDS[f].en).join(', ');

const onTime = (p: StaffMessageParamsByTemplate['plan-submitted']) => p.filedOn <= p.lastOnTimeFilingDate;

/** The messages that tell staff what waits for them. */
export function staffRenderers({ zh: dateZh, en: dateEn }: DateWords): StaffRenderers {
  return {
    'plan-submitted': (p) =>
      withEnglish(
        {
          subject: `待审查备案：${p.title}`,
          text: [
            `${p.agencyId} 提交了活动方案“${p.title}”（第 ${p.submission} 次提交），首场活动日期 ${dateZh(p.firstSessionDate)}，请审查备案。`,
            onTime(p) ? `提交日期 ${dateZh(p.filedOn)}，在备案期限（${dateZh(p.lastOnTimeFilingDate)}）内。` : `提交日期 ${dateZh(p.filedOn)}，已超过备案期限（${dateZh(p.lastOnTimeFilingDate)}）。`,
          ].join('\n'),
        },
        {
          subject: `Plan to review: ${p.title}`,
          text: [
            `${p.agencyId} filed the plan "${p.title}" (submission ${p.submission}); its first session is on ${dateEn(p.firstSessionDate)}. Please review it.`,
            onTime(p)
              ? `Filed on ${dateEn(p.filedOn)}, on time (last day ${dateEn(p.lastOnTimeFilingDate)}).`
              : `Filed on ${dateEn(p.filedOn)}, late (last day was ${dateEn(p.lastOnTimeFilingDate)}).`,
          ].join('\n'),
        },
      ),
    'plan-returned': (p) =>
      withEnglish(
        { subject: `方案被退回：${p.title}`, text: `市政府办公室退回了活动方案“${p.title}”，请按意见修改后重新提交。\n意见：${p.comments}` },
        { subject: `Plan returned: ${p.title}`, text: `The city office returned the plan "${p.title}". Please change it as asked and file it again.\nComments: ${p.comments}` },
      ),
    'plan-approved': (p) =>
      withEnglish(
        { subject: `方案已备案：${p.title}`, text: `活动方案“${p.title}”已通过审查备案，首场活动日期 ${dateZh(p.firstSessionDate)}。` },
        { subject: `Plan approved: ${p.title}`, text: `The city office approved the plan "${p.title}"; its first session is on ${dateEn(p.firstSessionDate)}.` },
      ),
    'application-flagged': (p) => {
      const waitsZh = p.awaitingJointReview ? '仍在等待联合审查部门会签' : '尚未作出遴选决定';
      const waitsEn = p.awaitingJointReview ? 'still waits for a joint-review department to sign' : 'still has no selection decision';
      const titleZh = p.title ? `“${p.title}”` : '一场开放日活动';
      const titleEn = p.title ? `"${p.title}"` : 'an open day';
      return withEnglish(
        { subject: '报名逾期未答复', text: `${p.agencyId} 主办的${titleZh}有一份报名${waitsZh}，答复期限为 ${dateZh(p.answerDueDate)}，请督促处理。` },
        {
          subject: 'Application not answered in time',
          text: `An application for ${titleEn} by ${p.agencyId} ${waitsEn}; its answer was due on ${dateEn(p.answerDueDate)}. Please follow it up.`,
        },
      );
    },
    'feedback-assigned': (p) =>
      withEnglish(
        { subject: '新交办的意见建议', text: `意见建议 ${p.feedbackId} 已交办给本部门，请于 ${dateZh(p.dueDate)} 前答复。` },
        { subject: 'Feedback assigned to you', text: `Feedback item ${p.feedbackId} is assigned to your department. Please answer it by ${dateEn(p.dueDate)}.` },
      ),
    'open-day-change-filed': (p) =>
      withEnglish(
        {
          subject: `待审查的开放日变更：${p.title}`,
          text: `${p.agencyId} 申请变更已发布的开放日“${p.title}”（${changedZh(p.changedFields)}），请审查。\n变更理由：${p.reason}`,
        },
        {
          subject: `Open-day change to review: ${p.title}`,
          text: `${p.agencyId} filed a change to the published open day "${p.title}" (${changedEn(p.changedFields)}). Please review it.\nReason: ${p.reason}`,
        },
      ),
    'open-day-change-returned': (p) =>
      withEnglish(
        {
          subject: `开放日变更被退回：${p.title}`,
          text: `市政府办公室退回了开放日“${p.title}”的变更（${changedZh(p.changedFields)}），开放日保持原样。请按意见修改后重新提交。\n意见：${p.comments}`,
        },
        {
          subject: `Open-day change returned: ${p.title}`,
          text: `The city office returned the change to the open day "${p.title}" (${changedEn(p.changedFields)}); the open day stays as it was. Please change it as asked and file it again.\nComments: ${p.comments}`,
        },
      ),
    'open-day-change-approved': (p) =>
      withEnglish(
        { subject: `开放日变更已生效：${p.title}`, text: `市政府办公室同意了开放日“${p.title}”的变更（${changedZh(p.changedFields)}），变更已生效，已报名的市民会收到通知。` },
        {
          subject: `Open-day change approved: ${p.title}`,
          text: `The city office approved the change to the open day "${p.title}" (${changedEn(p.changedFields)}); it has taken effect and the applicants are told.`,
        },
      ),
  };
}
