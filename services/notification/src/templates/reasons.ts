import type { AnswerOutcome } from '@openday/contracts';

interface Words {
  zh: string;
  en: string;
}

/** Vetting's rejection reason codes (libs/contracts application-rejected.v1, services/vetting/src/screening) in words. */
const REJECTION_REASONS: Record<string, Words> = {
  'age-below-minimum': { zh: '活动当天未达到最低年龄要求', en: 'you are below the minimum age on the day' },
  'age-above-maximum': { zh: '活动当天超过最高年龄限制', en: 'you are above the maximum age on the day' },
  'district-not-eligible': { zh: '您居住、工作或学习所在区不在本次活动面向的范围内', en: 'the open day is not open to your district' },
  'duplicate-application': { zh: '您已报名本次活动，每人限报一次', en: 'you have already applied for this open day (one application per person)' },
  'no-show-record': { zh: '您近期入选活动后未到场且未事先请假', en: 'you recently did not attend an open day you were selected for, without notice' },
  'no-places-for-category': { zh: '您所属类别的名额已满', en: 'there are no places left for your category' },
  'rejected-by-selection-group': { zh: '遴选小组未选择您参加本次活动', en: 'the selection group did not choose you' },
  'joint-review-refused': { zh: '会审部门未同意', en: 'a co-reviewing department did not agree' },
};

export function rejectionInWords(reasonCode: string, refusedBy: string | null): Words {
  const words = REJECTION_REASONS[reasonCode] ?? { zh: '未符合本次活动的遴选条件', en: 'you did not meet the selection conditions of this open day' };
  if (reasonCode === 'joint-review-refused' && refusedBy) return { zh: `会审部门（${refusedBy}）未同意`, en: `a co-reviewing department (${refusedBy}) did not agree` };
  return words;
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
