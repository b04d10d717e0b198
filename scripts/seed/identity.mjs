// Check characters for the demo data: resident ID numbers (GB 11643) and
// unified social credit codes (GB 32100, with the organisation code of
// GB 11714 inside it). The same formulas as libs/domain/src/identity, kept
// here so the seed is plain Node with no build step of its own.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The 18th character of a resident ID from its first 17 digits. */
export function residentIdCheckCharacter(first17) {
  if (!/^\d{17}$/.test(first17)) throw new Error(`a resident ID starts with 17 digits (got ${first17})`);
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return ID_CHECK[sum % 11];
}

/**
 * A resident ID: 6-digit region, birth date, 3-digit sequence (odd last digit
 * for a man, even for a woman), check character.
 */
export function residentId(regionCode, birthDate, sequence) {
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of an 8-character organisation code body (GB 11714). */
export function organisationCodeCheckCharacter(body) {
  const value = (c) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55); // A = 10 … Z = 35
  const sum = ORG_WEIGHTS.reduce((total, weight, i) => total + weight * value(body[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The 18th character of a unified social credit code from its first 17. */
export function creditCodeCheckCharacter(first17) {
  const sum = CREDIT_WEIGHTS.reduce((total, weight, i) => {
    const value = CREDIT_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`${first17[i]} cannot appear in a credit code`);
    return total + weight * value;
  }, 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A credit code: authority and kind (e.g. 12 public institution), region, organisation code body; both check characters computed. */
export function creditCode(authorityAndKind, regionCode, organisationBody) {
  const first17 = `${authorityAndKind}${regionCode}${organisationBody}${organisationCodeCheckCharacter(organisationBody)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
