import type { PlanViolation } from '@openday/domain';

/**
 * Eligibility names districts from the city office's list: each one must be active,
 * except one the open day already names (a change keeps it though it was deactivated since).
 */
export function unknownDistricts(districts: readonly string[], active: ReadonlySet<string>, alreadyNamed: readonly string[] = []): PlanViolation[] {
  return districts.flatMap((district, i) =>
    active.has(district) || alreadyNamed.includes(district)
      ? []
      : [{ field: `eligibility.districts[${i}]`, rule: 'knownDistrict', message: `"${district}" is not a district on the city office's list` }],
  );
}
