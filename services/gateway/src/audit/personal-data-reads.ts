/**
 * Staff reads of personal data: which list was read. The citizen's "who read my data"
 * names the list in words, so these codes are stable.
 */
export const PERSONAL_DATA_LISTS = [
  'applicants',
  'selection',
  'joint-review',
  'roster',
  'roster-csv',
  'check-in',
  'feedback',
  'department-feedback',
  'deliveries',
] as const;
export type PersonalDataList = (typeof PERSONAL_DATA_LISTS)[number];

/** The action every staff read of personal data is recorded under (filter the audit log by it). */
export const PERSONAL_DATA_READ = 'personal-data.read';

/** One read as recorded: the list, where it sits, and the people in the answer (by person id, never by name). */
export interface PersonalDataReadRecord {
  list: PersonalDataList;
  targetType: string;
  targetId: string;
  agencyId?: string | null;
  openDayId?: string;
  sessionId?: string;
  personIds: readonly string[];
}

/** The people a delivery log page names: the recipients that are people (not departments or sign-in numbers). */
export function deliveryRecipientsIn(result: unknown): string[] {
  const items = (result as { items?: Array<{ recipientKind?: string; recipientId?: string | null }> } | undefined)?.items ?? [];
  return [...new Set(items.filter((item) => item.recipientKind === 'person' && item.recipientId).map((item) => item.recipientId as string))];
}

/** The people in a staff answer, whatever shape it has: every `personId` found in it, once each. */
export function personIdsIn(result: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'personId' && typeof inner === 'string') found.add(inner);
      else visit(inner, depth + 1);
    }
  };
  visit(result, 0);
  return [...found];
}
