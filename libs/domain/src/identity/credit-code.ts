import { Parsed } from './parse-result';

export type CreditCodeRule = 'format' | 'checksum';

export interface CreditCode {
  normalized: string;
  /** First character: which authority registered the organisation (e.g. 9 market regulation, 5 civil affairs). */
  registrationAuthority: string;
  /** Second character: the kind of organisation within that authority (e.g. 91 enterprise). */
  organisationType: string;
  /** Characters 3–8: administrative division of the registering authority. */
  regionCode: string;
}

export type CreditCodeResult = Parsed<CreditCode, CreditCodeRule>;

// GB 32100-2015 leaves out I, O, Z, S and V so they cannot be mistaken for 1, 0, 2, 5 and U.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CHAR = `[${ALPHABET}]`;
const SHAPE = new RegExp(`^${CHAR}{2}\\d{6}${CHAR}{10}$`);

/** The check character for the first 17 characters of a credit code (GB 32100-2015). */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * ALPHABET.indexOf(first17[i]), 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Parses a unified social credit code (统一社会信用代码) of a company or other organisation. */
export function parseCreditCode(input: unknown): CreditCodeResult {
  const normalized = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (!SHAPE.test(normalized)) {
    return {
      ok: false,
      rule: 'format',
      message:
        'Credit code format: must be 18 characters of 0-9 and A-Y without I, O, S, V or Z, with a 6-digit region code in characters 3–8',
    };
  }
  if (creditCodeCheckCharacter(normalized) !== normalized[17]) {
    return {
      ok: false,
      rule: 'checksum',
      message: 'Credit code checksum: the last character does not match the first 17 characters',
    };
  }
  return {
    ok: true,
    value: {
      normalized,
      registrationAuthority: normalized[0],
      organisationType: normalized[1],
      regionCode: normalized.slice(2, 8),
    },
  };
}
