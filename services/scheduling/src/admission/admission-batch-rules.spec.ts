import { hasEveryPiece, sessionAdmits, type TicketPieces } from './admission-batch-rules';

describe('hasEveryPiece', () => {
  const complete: TicketPieces = {
    sessionId: 's',
    maskedName: '张*',
    maskedIdNumber: '3501**********1234',
    applicantUserId: 'u',
    selectedAt: new Date('2026-11-21T10:00:00Z'),
    ticketed: false,
    withdrawn: false,
  };

  it.each<[string, Partial<TicketPieces>, boolean]>([
    ['every piece', {}, true],
    ['no submission yet', { maskedName: null, maskedIdNumber: null }, false],
    ['no session', { sessionId: null }, false],
    ['no applying account yet', { applicantUserId: null }, false],
    ['no selection (or one forgotten by a rejection)', { selectedAt: null }, false],
    ['a ticket already issued', { ticketed: true }, false],
    ['a withdrawn application', { withdrawn: true }, false],
  ])('%s → %s', (_label, change, expected) => {
    expect(hasEveryPiece({ ...complete, ...change })).toBe(expected);
  });
});

describe('sessionAdmits', () => {
  it.each<[string, 'published' | 'cancelled', Date | null, boolean]>([
    ['a published open day whose no-shows are not recorded', 'published', null, true],
    ['a cancelled open day', 'cancelled', null, false],
    ['a session whose no-shows are recorded', 'published', new Date('2026-11-29T04:00:00Z'), false],
  ])('%s → %s', (_label, openDayStatus, noShowsRecordedAt, expected) => {
    expect(sessionAdmits({ openDayStatus, noShowsRecordedAt })).toBe(expected);
  });
});
