import type { AnswerOutcome, PromotionCauseV2 } from '@openday/contracts';
import type { RejectionReason } from '@openday/domain';

interface Words {
  zh: string;
  en: string;
}

/**
 * Every reason code vetting rejects with: screening (services/vetting/src/screening), selection
 * (libs/domain's RejectionReason, so a new one fails the typecheck here), the selection group,
 * joint review, a session a change removed, a ticket staff revoked and a place the agency gave
 * up to lower a session's places.
 */
export const REJECTION_REASON_CODES = [
  'age-below-minimum',
  'age-above-maximum',
  'district-not-eligible',
  'duplicate-application',
  'no-show-record',
  'no-places-for-category',
  'rejected-by-selection-group',
  'joint-review-refused',
  'session-cancelled',
  'ticket-revoked',
  'place-released',
] as const satisfies readonly string[];
export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number] | RejectionReason;

const REJECTION_REASONS: Record<RejectionReasonCode, Words> = {
  'age-below-minimum': { zh: '活动当天未达到最低年龄要求', en: 'you are below the minimum age on the day' },
  'age-above-maximum': { zh: '活动当天超过最高年龄限制', en: 'you are above the maximum age on the day' },
  'district-not-eligible': { zh: '您居住、工作或学习所在区不在本次活动面向的范围内', en: 'the open day is not open to your district' },
  'duplicate-application': { zh: '您已报名本次活动，每人限报一次', en: 'you have already applied for this open day (one application per person)' },
  'no-show-record': { zh: '您近期入选活动后未到场且未事先请假', en: 'you recently did not attend an open day you were selected for, without notice' },
  'no-places-for-category': { zh: '您所属类别的名额已满', en: 'there are no places left for your category' },
  'rejected-by-selection-group': { zh: '遴选小组未选择您参加本次活动', en: 'the selection group did not choose you' },
  'joint-review-refused': { zh: '会审部门未同意', en: 'a co-reviewing department did not agree' },
  'session-cancelled': { zh: '您报名的场次已被主办单位取消', en: 'the organisers cancelled the session you applied for' },
  'ticket-revoked': { zh: '您的入场凭证已被主办单位收回', en: 'the organisers revoked your ticket' },
  'place-released': { zh: '主办单位调减了场次名额，您的名额已被取消', en: 'the organisers reduced the places of your session and gave up yours' },
};

/** A rejection reason vetting may add later still reads as a sentence. */
export const GENERAL_REJECTION: Words = { zh: '未符合本次活动的遴选条件', en: 'you did not meet the selection conditions of this open day' };

export function isKnownRejectionReason(reasonCode: string): reasonCode is RejectionReasonCode {
  return Object.hasOwn(REJECTION_REASONS, reasonCode);
}

export function rejectionInWords(reasonCode: string, refusedBy: string | null): Words {
  const words = isKnownRejectionReason(reasonCode) ? REJECTION_REASONS[reasonCode] : GENERAL_REJECTION;
  if (reasonCode === 'joint-review-refused' && refusedBy) return { zh: `会审部门（${refusedBy}）未同意`, en: `a co-reviewing department (${refusedBy}) did not agree` };
  return words;
}

/** Why a place became free for someone on the waiting list (application-selected v2's promotion causes). */
const PROMOTION_CAUSES: Record<PromotionCauseV2, Words> = {
  withdrawal: { zh: '有入选者退出', en: 'someone selected withdrew' },
  'joint-review-refusal': { zh: '有入选者未通过联合审查', en: 'a selection was refused in joint review' },
  'registration-closed': { zh: '报名截止后仍有空余名额', en: 'places were still free when registration closed' },
  'ticket-revoked': { zh: '主办单位收回了一位入选者的入场凭证', en: "the organisers revoked a selected person's ticket" },
  'capacity-raised': { zh: '主办单位增加了名额', en: 'the organisers added places' },
  'no-longer-eligible': { zh: '有入选者因活动变更不再符合参加条件', en: 'a selected person no longer qualifies after a change to the open day' },
};

export function promotionCauseInWords(cause: PromotionCauseV2): Words {
  return PROMOTION_CAUSES[cause];
}

/** A department's honest answer outcome in words, with the promised date or the body it was passed to. */
export function outcomeInWords(outcome: AnswerOutcome, promisedBy: string | null, passedTo: string | null): Words {
  switch (outcome) {
    case 'solved':
      return { zh: '已解决', en: 'solved' };
    case 'will-be-solved':
      return promisedBy
        ? { zh: `将于 ${promisedBy} 前解决`, en: `will be solved by ${promisedBy}` }
        : { zh: '将予解决', en: 'will be solved' };
    case 'explained':
      return { zh: '已作说明，暂不具备解决条件', en: 'explained: it cannot be solved for now' };
    case 'not-our-remit':
      return passedTo
        ? { zh: `不属本部门职责，已转交${passedTo}`, en: `not this department's remit; passed to ${passedTo}` }
        : { zh: '不属本部门职责', en: "not this department's remit" };
  }
}
