import { dayOfWeek, toCalendarDate } from '@openday/domain';
import type { ChangedFrom, MessageContent, MessageLanguage, MessageParamsByTemplate, OpenDayChangedParams, RenderedMessage, SessionFacts } from './message-params';
import { staffRenderers } from '../staff/staff-messages';
import { outcomeInWords, promotionCauseInWords, rejectionInWords } from './reasons';

type Bilingual = Record<MessageLanguage, RenderedMessage>;
type Renderers = { [T in keyof MessageParamsByTemplate]: (params: MessageParamsByTemplate[T]) => Bilingual };

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026年11月29日（星期日） */
export function dateZh(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日（星期${WEEKDAYS_ZH[dayOfWeek(toCalendarDate(date))]}）`;
}

/** Sunday 29 November 2026 */
export function dateEn(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${WEEKDAYS_EN[dayOfWeek(toCalendarDate(date))]} ${day} ${MONTHS_EN[month - 1]} ${year}`;
}

const venuesZh = (venues: SessionFacts['venues']) => venues.map((v) => `${v.name}（${v.address}）`).join('、') || '见活动通知';
const venuesEn = (venues: SessionFacts['venues']) => venues.map((v) => `${v.name} (${v.address})`).join('; ') || 'see the open day notice';

function placeZh(facts: SessionFacts): string {
  return `地点：${venuesZh(facts.venues)}；集合地点：${facts.assemblyPoint || '见活动通知'}`;
}

function placeEn(facts: SessionFacts): string {
  return `Place: ${venuesEn(facts.venues)}. Assembly point: ${facts.assemblyPoint || 'see the open day notice'}`;
}

function whenZh(facts: SessionFacts): string {
  return `时间：${dateZh(facts.date)} ${facts.startsAt}-${facts.endsAt}（北京时间）`;
}

function whenEn(facts: SessionFacts): string {
  return `Time: ${dateEn(facts.date)}, ${facts.startsAt}-${facts.endsAt} (Beijing time)`;
}

/** What the change replaced, line by line (old → new is the line above each). */
function changedFromZh(now: SessionFacts, before: ChangedFrom = {}): string[] {
  const timeMoved = before.date !== undefined || before.startsAt !== undefined || before.endsAt !== undefined;
  return [
    timeMoved ? `原时间：${dateZh(before.date ?? now.date)} ${before.startsAt ?? now.startsAt}-${before.endsAt ?? now.endsAt}` : '',
    before.venues ? `原地点：${venuesZh(before.venues)}` : '',
    before.assemblyPoint !== undefined ? `原集合地点：${before.assemblyPoint || '见活动通知'}` : '',
  ];
}

function changedFromEn(now: SessionFacts, before: ChangedFrom = {}): string[] {
  const timeMoved = before.date !== undefined || before.startsAt !== undefined || before.endsAt !== undefined;
  return [
    timeMoved ? `Was: ${dateEn(before.date ?? now.date)}, ${before.startsAt ?? now.startsAt}-${before.endsAt ?? now.endsAt}` : '',
    before.venues ? `Place was: ${venuesEn(before.venues)}` : '',
    before.assemblyPoint !== undefined ? `Assembly point was: ${before.assemblyPoint || 'see the open day notice'}` : '',
  ];
}

function openDayChanged(p: OpenDayChangedParams): Bilingual {
  const noticesOnly = p.subject === 'notices';
  const headZh = noticesOnly ? `${titleZh(p.title)}的注意事项有更新（${p.reason}），请留意：` : `${titleZh(p.title)}的时间或地点有变更（${p.reason}），请以此为准：`;
  const headEn = noticesOnly ? `The notices for ${titleEn(p.title)} have been updated (${p.reason}). Please note:` : `The time or place of ${titleEn(p.title)} has changed (${p.reason}). It is now:`;
  const noticesZh = p.notices?.length ? `注意事项：${p.notices.join('；')}` : p.notices ? '原注意事项不再适用。' : '';
  const noticesEn = p.notices?.length ? `Please note: ${p.notices.join('; ')}` : p.notices ? 'The earlier notices no longer apply.' : '';
  const waitingZh = p.waitlisted ? '您目前仍在候补名单中，递补入选时将另行通知。' : '';
  const waitingEn = p.waitlisted ? 'You are still on the waiting list; we will tell you if you move up.' : '';
  const lines = (...parts: string[]) => parts.filter(Boolean).join('\n');
  return {
    'zh-CN': {
      subject: noticesOnly ? `注意事项更新：${p.title}` : `活动变更：${p.title}`,
      text: noticesOnly ? lines(headZh, noticesZh, whenZh(p)) : lines(headZh, whenZh(p), placeZh(p), ...changedFromZh(p, p.before), noticesZh, waitingZh),
    },
    en: {
      subject: noticesOnly ? `Updated notices: ${p.title}` : `Change: ${p.title}`,
      text: noticesOnly ? lines(headEn, noticesEn, whenEn(p)) : lines(headEn, whenEn(p), placeEn(p), ...changedFromEn(p, p.before), noticesEn, waitingEn),
    },
  };
}

const titleZh = (title: string | null) => (title ? `“${title}”` : '政府开放日活动');
const titleEn = (title: string | null) => (title ? `"${title}"` : 'the Government Open Day');

/** The selection group's own words, on a line of their own under the standard sentence. */
const groupReasonZh = (reason: string | null | undefined) => (reason ? `理由：${reason}` : '');
const groupReasonEn = (reason: string | null | undefined) => (reason ? `Reason: ${reason}` : '');
const withGroupReason = (sentence: string, reasonLine: string) => [sentence, reasonLine].filter(Boolean).join('\n');

function ticket(kind: 'selected' | 'promoted', p: MessageParamsByTemplate['promoted']): Bilingual {
  const cause = p.cause ? promotionCauseInWords(p.cause) : null;
  const promotedZh = `${cause ? `因${cause.zh}，` : ''}您已从候补名单递补入选${titleZh(p.title)}。`;
  const promotedEn = `A place became free${cause ? ` (${cause.en})` : ''}: you have moved up from the waiting list for ${titleEn(p.title)}.`;
  const headZh = kind === 'promoted' ? promotedZh : `恭喜您入选${titleZh(p.title)}。`;
  const headEn = kind === 'promoted' ? promotedEn : `You have been selected for ${titleEn(p.title)}.`;
  const noticesZh = p.notices.length ? `注意事项：${p.notices.join('；')}` : '';
  const noticesEn = p.notices.length ? `Please note: ${p.notices.join('; ')}` : '';
  return {
    'zh-CN': {
      subject: kind === 'promoted' ? `递补入选通知：${p.title}` : `入选通知：${p.title}`,
      text: [headZh, whenZh(p), placeZh(p), p.transport ? `交通：${p.transport}` : '', `签到码：${p.checkInCode}（签到时还需核对身份证件后四位）`, noticesZh].filter(Boolean).join('\n'),
    },
    en: {
      subject: kind === 'promoted' ? `Moved up from the waiting list: ${p.title}` : `You are selected: ${p.title}`,
      text: [headEn, whenEn(p), placeEn(p), p.transport ? `Transport: ${p.transport}` : '', `Check-in code: ${p.checkInCode} (with the last 4 characters of your ID)`, noticesEn].filter(Boolean).join('\n'),
    },
  };
}

const RENDERERS: Renderers = {
  'sign-in-code': (p) => {
    const minutes = Math.max(1, Math.round(p.validForSeconds / 60));
    const both = `您的登录验证码为 ${p.code}，${minutes} 分钟内有效，请勿告诉他人。Your sign-in code is ${p.code}, valid for ${minutes} minutes.`;
    return { 'zh-CN': { subject: '登录验证码', text: both }, en: { subject: 'Sign-in code', text: both } };
  },
  'application-received': (p) => ({
    'zh-CN': { subject: '报名已收到', text: `您报名参加${titleZh(p.title)}的申请已收到，遴选结果将另行通知。` },
    en: { subject: 'Application received', text: `We have received your application for ${titleEn(p.title)}. We will tell you the result of the selection.` },
  }),
  selected: (p) => ticket('selected', p),
  promoted: (p) => ticket('promoted', p),
  rejected: (p) => {
    const reason = rejectionInWords(p.reasonCode, p.refusedBy);
    return {
      'zh-CN': { subject: '未入选通知', text: withGroupReason(`很遗憾，您未能入选${titleZh(p.title)}。原因：${reason.zh}。感谢您的关注。`, groupReasonZh(p.groupReason)) },
      en: {
        subject: 'Not selected',
        text: withGroupReason(`We are sorry: you were not selected for ${titleEn(p.title)}. Reason: ${reason.en}. Thank you for your interest.`, groupReasonEn(p.groupReason)),
      },
    };
  },
  waitlisted: (p) => ({
    'zh-CN': { subject: '候补通知', text: withGroupReason(`您已进入${titleZh(p.title)}的候补名单，当前候补第 ${p.position} 位。如有名额空出，我们将通知您。`, groupReasonZh(p.groupReason)) },
    en: {
      subject: 'On the waiting list',
      text: withGroupReason(`You are on the waiting list for ${titleEn(p.title)} at position ${p.position}. We will tell you if a place becomes free.`, groupReasonEn(p.groupReason)),
    },
  }),
  reminder: (p) => ({
    'zh-CN': { subject: `活动提醒：${p.title}`, text: [`提醒：您将参加${titleZh(p.title)}。`, whenZh(p), placeZh(p), `签到码：${p.checkInCode}`].join('\n') },
    en: { subject: `Reminder: ${p.title}`, text: [`Reminder: you are taking part in ${titleEn(p.title)}.`, whenEn(p), placeEn(p), `Check-in code: ${p.checkInCode}`].join('\n') },
  }),
  'open-day-changed': openDayChanged,
  'open-day-cancelled': (p) => ({
    'zh-CN': { subject: `活动取消：${p.title}`, text: `很抱歉，原定于${dateZh(p.date)}举行的${titleZh(p.title)}已取消。原因：${p.reason}。` },
    en: { subject: `Cancelled: ${p.title}`, text: `We are sorry: ${titleEn(p.title)}, planned for ${dateEn(p.date)}, is cancelled. Reason: ${p.reason}.` },
  }),
  'ticket-revoked': (p) =>
    p.placesReduced
      ? {
          'zh-CN': {
            subject: `名额调减通知：${p.title}`,
            text: `很抱歉，主办单位调减了场次名额，您参加${titleZh(p.title)}（${dateZh(p.date)}）的名额已被取消，入场凭证作废。原因：${p.placesReduced.reason}。`,
          },
          en: {
            subject: `Places reduced: ${p.title}`,
            text: `We are sorry: the organisers reduced the places of your session, so your place for ${titleEn(p.title)} on ${dateEn(p.date)} was given up and your ticket no longer admits you. Reason: ${p.placesReduced.reason}.`,
          },
        }
      : {
          'zh-CN': { subject: `入场凭证已作废：${p.title}`, text: `您参加${titleZh(p.title)}（${dateZh(p.date)}）的入场凭证已被主办单位作废，如有疑问请联系主办单位。` },
          en: { subject: `Ticket revoked: ${p.title}`, text: `Your ticket for ${titleEn(p.title)} on ${dateEn(p.date)} was revoked by the organisers. Please contact them with any questions.` },
        },
  'feedback-answered': (p) => {
    const outcome = outcomeInWords(p.outcome, p.promisedBy, p.passedTo);
    return {
      'zh-CN': {
        subject: '您的意见建议已有答复',
        text: `您提出的意见建议已有答复。办理结果：${outcome.zh}。\n答复：${p.answer}\n请登录对本次答复评分（1-5 分）。`,
      },
      en: {
        subject: 'Your feedback has an answer',
        text: `Your feedback has been answered. Outcome: ${outcome.en}.\nAnswer: ${p.answer}\nPlease sign in and rate this answer from 1 to 5.`,
      },
    };
  },
  'feedback-chase': (p) => ({
    'zh-CN': {
      subject: `督办：意见建议已逾期（第 ${p.chaseNumber} 次催办）`,
      text: `意见建议 ${p.feedbackId} 的办理期限为 ${dateZh(p.dueDate)}，现已逾期 ${p.workingDaysOverdue} 个工作日，请尽快答复。`,
    },
    en: {
      subject: `Overdue feedback (chase ${p.chaseNumber})`,
      text: `Feedback item ${p.feedbackId} was due on ${dateEn(p.dueDate)} and is ${p.workingDaysOverdue} working day(s) overdue. Please answer it.`,
    },
  }),
  ...staffRenderers({ zh: dateZh, en: dateEn }),
};

/** The message in the recipient's language: Chinese unless they chose English. Pure. */
export function renderMessage(content: MessageContent, language: MessageLanguage): RenderedMessage {
  const render = RENDERERS[content.template] as (params: MessageContent['params']) => Bilingual;
  return render(content.params)[language];
}
