import type { TicketView } from '../api/views';
import { forgetTicketCopies, readTicketCopy, saveTicketCopy } from './ticket-copy';

/** A Storage in memory, so the test needs no browser. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const ticket = { ticketId: 't-1', checkInCode: 'K7Q2M9XD', title: '走进自来水厂' } as TicketView;
const now = new Date('2026-11-28T10:00:00.000Z');

describe('the offline copy of a ticket', () => {
  it('reads back what was saved, with when', () => {
    const storage = new MemoryStorage();
    saveTicketCopy(storage, ticket, now);
    expect(readTicketCopy(storage, 't-1')).toEqual({ savedAt: now.toISOString(), ticket });
  });

  it.each([
    ['nothing saved', null],
    ['not JSON', '{'],
    ["another ticket's data under the key", JSON.stringify({ savedAt: now.toISOString(), ticket: { ticketId: 't-2' } })],
    ['no time saved', JSON.stringify({ ticket })],
  ])('%s: no copy', (_name, raw) => {
    const storage = new MemoryStorage();
    if (raw !== null) storage.setItem('openday.ticket.t-1', raw);
    expect(readTicketCopy(storage, 't-1')).toBeNull();
  });

  it('forgets every ticket and nothing else on sign-out', () => {
    const storage = new MemoryStorage();
    saveTicketCopy(storage, ticket, now);
    saveTicketCopy(storage, { ...ticket, ticketId: 't-2' }, now);
    storage.setItem('openday.language', 'en');
    forgetTicketCopies(storage);
    expect([storage.length, storage.getItem('openday.language')]).toEqual([1, 'en']);
  });

  it('a storage that refuses to write costs only the copy', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => saveTicketCopy(full, ticket, now)).not.toThrow();
  });
});
