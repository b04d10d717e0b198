/** An open day's filed changes as plain functions: what the agency may do next, and where a link to the queue points. */
export type ChangeStatus = 'submitted' | 'returned' | 'applied';
export const CHANGE_STATUSES: readonly ChangeStatus[] = ['submitted', 'returned', 'applied'];

interface FiledChange {
  id: string;
  status: ChangeStatus;
  submittedAt: string;
}

/** The newest first, as the API lists them (kept here so a list from elsewhere reads the same). */
function newestFirst<Change extends FiledChange>(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

/** The change that waits for the city office: while there is one, no other may be filed (changePending). */
export function pendingChange<Change extends FiledChange>(changes: readonly Change[]): Change | undefined {
  return changes.find((change) => change.status === 'submitted');
}

/**
 * The returned change the agency corrects and files again: the newest change, when it was
 * returned (a change filed after it answers the return).
 */
export function changeToCorrect<Change extends FiledChange>(changes: readonly Change[]): Change | undefined {
  const newest = newestFirst(changes)[0];
  return newest?.status === 'returned' ? newest : undefined;
}

/** The change id a link names (`?change=`), when it looks like one. */
export function changeFromQuery(value: string | null): string | null {
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value : null;
}
