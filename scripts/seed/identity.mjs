// Unified social credit codes for the demo agencies (GB 32100, with the
// organisation code of GB 11714 inside it). The credit code's own check
// character is the platform's rule, from the built domain library (npm run
// seed builds it); resident IDs come from @openday/testing's testResidentId.
import { creditCodeCheckCharacter } from '@openday/domain';

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of an 8-character organisation code body (GB 11714). */
export function organisationCodeCheckCharacter(body) {
  const value = (c) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55); // A = 10 … Z = 35
  const sum = ORG_WEIGHTS.reduce((total, weight, i) => total + weight * value(body[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A credit code: authority and kind (e.g. 12 public institution), region, organisation code body; both check characters computed. */
export function creditCode(authorityAndKind, regionCode, organisationBody) {
  const first17 = `${authorityAndKind}${regionCode}${organisationBody}${organisationCodeCheckCharacter(organisationBody)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
