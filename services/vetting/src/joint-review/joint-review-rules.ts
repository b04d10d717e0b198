/**
 * Joint review (联合审查): a selection stands once every co-signing department has signed it,
 * in any order; until then it waits for the departments that have not.
 */
export function departmentsAwaiting(coSigningDepartments: readonly string[], signedBy: readonly string[]): string[] {
  return coSigningDepartments.filter((department) => !signedBy.includes(department));
}

export function allSigned(coSigningDepartments: readonly string[], signedBy: readonly string[]): boolean {
  return departmentsAwaiting(coSigningDepartments, signedBy).length === 0;
}
