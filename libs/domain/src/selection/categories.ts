/**
 * The categories of applicants the allocation rule tells apart (domain.md). The contracts'
 * ApplicantCategory names the same ones; they are kept here as plain strings because the
 * contracts depend on this library, not the other way round.
 */
export const SELECTION_CATEGORIES = ['ordinary-citizen', 'congress-deputy', 'cppcc-member', 'party-member', 'village-cadre', 'enterprise', 'media', 'other'] as const;
export type SelectionCategory = (typeof SELECTION_CATEGORIES)[number];
