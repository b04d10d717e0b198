import type { OpenDayChangeableFieldV2 } from '@openday/contracts';
import { officialCalendar } from '@openday/domain';
import { capacityProblems, leadTimeProblems, reviewOf, type ChangeSession, type TakenPlace } from './change-rules';

const calendar = officialCalendar();
const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';

/** Fri 20 Nov 2026 09:00–11:30, 20 places; the last on-time date 5 working days before is Fri 13 Nov. */
const morning: ChangeSession = { id: S1, date: '2026-11-20', startsAt: '09:00', endsAt: '11:30', capacity: 20, agenda: [] };
const afternoon: ChangeSession = { id: S2, date: '2026-11-20', startsAt: '14:00', endsAt: '16:30', capacity: 10, agenda: [] };

describe('which changes the city office reviews', () => {
  it.each<[string, OpenDayChangeableFieldV2[], string]>([
    ['notices only', ['notices'], 'not-required'],
    ['sessions', ['sessions'], 'required'],
    ['venues', ['venues'], 'required'],
    ['assembly point', ['assemblyPoint'], 'required'],
    ['eligibility', ['eligibility'], 'required'],
    ['notices and eligibility', ['notices', 'eligibility'], 'required'],
  ])('%s → %s', (_label, fields, review) => {
    expect(reviewOf(fields)).toBe(review);
  });
});

describe('lead time of a change', () => {
  const rules = (problems: ReturnType<typeof leadTimeProblems>) => problems.map((p) => `${p.field}:${p.rule}`);

  it.each<[string, ChangeSession[], OpenDayChangeableFieldV2[], string, string[]]>([
    ['a new session filed on its last on-time date', [morning, { ...afternoon, id: undefined }], ['sessions'], '2026-11-13T23:59:00+08:00', []],
    ['a new session filed a working day late', [morning, { ...afternoon, id: undefined }], ['sessions'], '2026-11-16T08:00:00+08:00', ['sessions[1].date:changeLeadTime']],
    ['a session moved to a date under 5 working days ahead', [{ ...morning, date: '2026-11-24' }, afternoon], ['sessions'], '2026-11-19T08:00:00+08:00', ['sessions[0].date:changeLeadTime']],
    ['a session moved later, filed in time for the new date', [{ ...morning, date: '2026-11-27' }, afternoon], ['sessions'], '2026-11-19T12:00:00+08:00', []],
    ['a session moved away on its own day', [{ ...morning, date: '2026-12-31' }, afternoon], ['sessions'], '2026-11-20T07:00:00+08:00', ['sessions[0].date:changeLeadTime']],
    ['a new time the day before', [{ ...morning, startsAt: '10:00', endsAt: '12:00' }, afternoon], ['sessions'], '2026-11-19T23:59:00+08:00', []],
    ['a new time on the day (Shanghai midnight passed)', [{ ...morning, startsAt: '10:00', endsAt: '12:00' }, afternoon], ['sessions'], '2026-11-19T16:00:00Z', ['sessions[0].date:changeLeadTime']],
    ['a lower capacity the day before', [{ ...morning, capacity: 12 }, afternoon], ['sessions'], '2026-11-19T18:00:00+08:00', []],
    ['a lower capacity on the day', [{ ...morning, capacity: 12 }, afternoon], ['sessions'], '2026-11-20T06:00:00+08:00', ['sessions[0].date:changeLeadTime']],
    ['a session left as it was, on the day, beside a new one in time', [morning, afternoon, { ...afternoon, id: undefined, date: '2026-12-04' }], ['sessions'], '2026-11-20T06:00:00+08:00', []],
    ['a session removed the day before', [morning], ['sessions'], '2026-11-19T20:00:00+08:00', []],
    ['a session removed on its day', [morning], ['sessions'], '2026-11-20T08:00:00+08:00', ['sessions:changeLeadTime']],
    ['a new venue the day before', [morning, afternoon], ['venues'], '2026-11-19T20:00:00+08:00', []],
    ['a new venue on the day', [morning, afternoon], ['venues'], '2026-11-20T08:00:00+08:00', ['venues:changeLeadTime']],
    ['a new assembly point on the day', [morning, afternoon], ['assemblyPoint'], '2026-11-20T08:00:00+08:00', ['assemblyPoint:changeLeadTime']],
    ['other eligibility on the day', [morning, afternoon], ['eligibility'], '2026-11-20T08:00:00+08:00', ['eligibility:changeLeadTime']],
    ['notices on the day', [morning, afternoon], ['notices'], '2026-11-20T10:00:00+08:00', []],
  ])('%s', (_label, after, changedFields, at, expected) => {
    expect(rules(leadTimeProblems(calendar, { before: [morning, afternoon], after, changedFields }, new Date(at)))).toEqual(expected);
  });

  it('names the last on-time date of a late new session', () => {
    const [problem] = leadTimeProblems(calendar, { before: [morning], after: [morning, { ...afternoon, id: undefined }], changedFields: ['sessions'] }, new Date('2026-11-16T08:00:00+08:00'));
    expect(problem.message).toContain('2026-11-13');
  });
});

describe('capacity below the places taken', () => {
  const place = (n: number, sessionId = S1, status: TakenPlace['status'] = 'issued'): TakenPlace => ({ ticketId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, sessionId, status });
  const ticket = (n: number) => place(n).ticketId;
  /** 12 places taken in the morning (one checked in), 2 in the afternoon. */
  const taken = [...Array.from({ length: 11 }, (_, i) => place(i + 1)), place(12, S1, 'checked-in'), place(21, S2), place(22, S2)];
  const rules = (problems: ReturnType<typeof capacityProblems>) => problems.map((p) => `${p.field}:${p.rule}`);

  it.each<[string, number, string[], string[]]>([
    ['capacity still above the places taken', 15, [], []],
    ['capacity equal to the places taken', 12, [], []],
    ['capacity 2 below, nobody named', 10, [], ['sessions[0].capacity:capacityBelowPlacesTaken']],
    ['capacity 2 below, one named', 10, [ticket(1)], ['sessions[0].capacity:capacityBelowPlacesTaken']],
    ['capacity 2 below, two named', 10, [ticket(1), ticket(2)], []],
    ['capacity 2 below, three named', 10, [ticket(1), ticket(2), ticket(3)], ['releasedTicketIds[2]:releasableTicket']],
    ['the same ticket twice', 10, [ticket(1), ticket(1)], ['releasedTicketIds[1]:releasableTicket', 'sessions[0].capacity:capacityBelowPlacesTaken']],
    ['a checked-in person named', 11, [ticket(12)], ['releasedTicketIds[0]:releasableTicket', 'sessions[0].capacity:capacityBelowPlacesTaken']],
    ['a ticket of another session named', 11, [ticket(21)], ['releasedTicketIds[0]:releasableTicket', 'sessions[0].capacity:capacityBelowPlacesTaken']],
    ['an unknown ticket named', 11, ['99999999-9999-4999-8999-999999999999'], ['releasedTicketIds[0]:releasableTicket', 'sessions[0].capacity:capacityBelowPlacesTaken']],
    ['a ticket named though nothing is lowered', 20, [ticket(1)], ['releasedTicketIds[0]:releasableTicket']],
  ])('%s', (_label, capacity, released, expected) => {
    expect(rules(capacityProblems([{ ...morning, capacity }, afternoon], taken, released))).toEqual(expected);
  });

  it('says how many places are taken and how many to name', () => {
    const [problem] = capacityProblems([{ ...morning, capacity: 9 }, afternoon], taken, [ticket(1)]);
    expect(problem.message).toBe('12 places are taken in session 1; for a capacity of 9 name 2 more selected people to leave (releasedTicketIds)');
  });

  it('leaves a new session alone', () => {
    expect(capacityProblems([{ ...afternoon, id: undefined, capacity: 1 }], taken, [])).toEqual([]);
  });
});
