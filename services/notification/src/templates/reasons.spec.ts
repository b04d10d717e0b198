import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMOTION_CAUSES_V2 } from '@openday/contracts';
import { GENERAL_REJECTION, isKnownRejectionReason, promotionCauseInWords, REJECTION_REASON_CODES, rejectionInWords } from './reasons';

/** The reason codes vetting's screening declares, read from its source so a new one cannot go unnoticed. */
function screeningReasonCodes(): string[] {
  const source = readFileSync(join(__dirname, '../../../vetting/src/screening/screen-applicant.ts'), 'utf8');
  const union = /export type ScreeningReasonCode =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]);
}

describe('rejection reasons in words', () => {
  it('reads the screening codes from vetting', () => {
    expect(screeningReasonCodes()).toEqual(expect.arrayContaining(['age-below-minimum', 'no-show-record']));
  });

  it.each([...new Set([...REJECTION_REASON_CODES, ...screeningReasonCodes()])])('%s has its own words in Chinese and English', (code) => {
    expect(isKnownRejectionReason(code)).toBe(true);
    const words = rejectionInWords(code, null);
    expect(words.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(words.en).toMatch(/^[\x20-\x7e]+$/);
    expect(words).not.toEqual(GENERAL_REJECTION);
  });

  it('a code vetting adds later still reads as a sentence', () => {
    expect(rejectionInWords('some-new-rule', null)).toEqual(GENERAL_REJECTION);
  });
});

describe('promotion causes in words', () => {
  it.each([...PROMOTION_CAUSES_V2])('%s has words in Chinese and English', (cause) => {
    const words = promotionCauseInWords(cause);
    expect(words.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(words.en.length).toBeGreaterThan(5);
  });

  it('no two causes read the same', () => {
    const sentences = PROMOTION_CAUSES_V2.map((cause) => promotionCauseInWords(cause).en);
    expect(new Set(sentences).size).toBe(sentences.length);
  });
});
