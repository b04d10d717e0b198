import type { TicketView } from '../api/views';

/**
 * The last ticket data the citizen opened, kept on the device so the ticket
 * can be shown at the door without a network. Only what the ticket page shows
 * is kept: the masked name and the check-in code, no ID number or phone.
 */
export interface TicketCopy {
  savedAt: string;
  ticket: TicketView;
}

const PREFIX = 'openday.ticket.';

export function saveTicketCopy(storage: Storage, ticket: TicketView, now: Date): void {
  const copy: TicketCopy = { savedAt: now.toISOString(), ticket };
  try {
    storage.setItem(PREFIX + ticket.ticketId, JSON.stringify(copy));
  } catch {
    // A full or disabled storage only costs the offline copy; the page still works online.
  }
}

export function readTicketCopy(storage: Storage, ticketId: string): TicketCopy | null {
  const raw = storage.getItem(PREFIX + ticketId);
  if (!raw) return null;
  try {
    const copy = JSON.parse(raw) as Partial<TicketCopy>;
    return typeof copy.savedAt === 'string' && copy.ticket?.ticketId === ticketId ? (copy as TicketCopy) : null;
  } catch {
    return null;
  }
}

/** On sign-out: the next person on this device must not see the tickets. */
export function forgetTicketCopies(storage: Storage): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(PREFIX) ?? false);
  keys.forEach((key) => storage.removeItem(key));
}
