import type { components } from '../../api/schema';

type Agency = components['schemas']['AgencyDto'];

/** Agency code → name, from the directory (a code the directory does not know is shown as it is). */
export function agencyNamer(agencies: readonly Pick<Agency, 'id' | 'name'>[]): (agencyId: string | null | undefined) => string {
  const names = new Map(agencies.map((agency) => [agency.id, agency.name]));
  return (agencyId) => (agencyId ? (names.get(agencyId) ?? agencyId) : '');
}
