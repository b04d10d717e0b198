import { residentIdCheckCharacter } from '@openday/domain';

/**
 * A resident ID that passes the GB 11643 checksum, for a test person born on `birthDate`
 * (YYYY-MM-DD); `sequence` (3 digits) tells people born the same day apart.
 */
export function testResidentId(birthDate: string, sequence: string, region = '110105'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}
