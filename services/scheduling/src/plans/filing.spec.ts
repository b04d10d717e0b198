import type { PlanStatus } from '@openday/contracts';
import { officialCalendar, UncoveredYearError, type CalendarDate } from '@openday/domain';
import { decide, filingDeadline, type FilingActor, type FilingCommand, type FilingDecision } from './filing';

const own: FilingActor = { role: 'agency-staff', agencyId: 'water-affairs-bureau' };
const ownAdmin: FilingActor = { role: 'agency-admin', agencyId: 'water-affairs-bureau' };
const other: FilingActor = { role: 'agency-staff', agencyId: 'tax-bureau' };
const city: FilingActor = { role: 'city-office' };
const citizen: FilingActor = { role: 'citizen' };
const reviewer: FilingActor = { role: 'reviewer', agencyId: 'water-affairs-bureau' };
const platform: FilingActor = 'platform';
const actors = { own, ownAdmin, other, city, citizen, reviewer, platform };

const outcome = (d: FilingDecision) => (d.outcome === 'allowed' ? `allowed→${d.to}` : d.outcome);

describe('filing state machine', () => {
  it.each<[FilingCommand, PlanStatus, keyof typeof actors, string]>([
    // who sees a plan
    ['view', 'draft', 'own', 'allowed→draft'],
    ['view', 'submitted', 'ownAdmin', 'allowed→submitted'],
    ['view', 'draft', 'other', 'not-found'],
    ['view', 'draft', 'city', 'allowed→draft'],
    ['view', 'draft', 'citizen', 'forbidden'],
    ['view', 'draft', 'reviewer', 'forbidden'],
    // drafting
    ['edit', 'draft', 'own', 'allowed→draft'],
    ['edit', 'returned', 'own', 'allowed→returned'],
    ['edit', 'submitted', 'own', 'conflict'],
    ['edit', 'approved', 'own', 'conflict'],
    ['edit', 'published', 'own', 'conflict'],
    ['edit', 'draft', 'other', 'not-found'],
    ['edit', 'draft', 'city', 'forbidden'],
    ['delete', 'draft', 'own', 'allowed→draft'],
    ['delete', 'returned', 'own', 'conflict'],
    ['delete', 'draft', 'other', 'not-found'],
    // filing
    ['submit', 'draft', 'own', 'allowed→submitted'],
    ['submit', 'returned', 'ownAdmin', 'allowed→submitted'],
    ['submit', 'submitted', 'own', 'conflict'],
    ['submit', 'approved', 'own', 'conflict'],
    ['submit', 'draft', 'other', 'not-found'],
    ['submit', 'draft', 'city', 'forbidden'],
    ['approve', 'submitted', 'city', 'allowed→approved'],
    ['approve', 'submitted', 'own', 'forbidden'],
    ['approve', 'submitted', 'other', 'not-found'],
    ['approve', 'draft', 'city', 'conflict'],
    ['approve', 'returned', 'city', 'conflict'],
    ['approve', 'approved', 'city', 'conflict'],
    ['return', 'submitted', 'city', 'allowed→returned'],
    ['return', 'submitted', 'ownAdmin', 'forbidden'],
    ['return', 'approved', 'city', 'conflict'],
    ['return', 'submitted', 'reviewer', 'forbidden'],
    // publication and after
    ['publish', 'approved', 'platform', 'allowed→published'],
    ['publish', 'approved', 'city', 'forbidden'],
    ['publish', 'submitted', 'platform', 'conflict'],
    ['change', 'published', 'own', 'allowed→published'],
    ['change', 'approved', 'own', 'conflict'],
    ['change', 'published', 'city', 'forbidden'],
    ['cancel', 'published', 'own', 'allowed→cancelled'],
    ['cancel', 'published', 'other', 'not-found'],
    ['cancel', 'cancelled', 'own', 'conflict'],
  ])('%s a %s plan as %s → %s', (command, status, actor, expected) => {
    expect(outcome(decide(command, { status, agencyId: 'water-affairs-bureau' }, actors[actor]))).toBe(expected);
  });

  it('walks draft → submitted → returned → edited → submitted → approved → published', () => {
    let status: PlanStatus = 'draft';
    const steps: Array<[FilingCommand, FilingActor]> = [
      ['submit', own],
      ['return', city],
      ['edit', own],
      ['submit', own],
      ['approve', city],
      ['publish', platform],
    ];
    const seen: PlanStatus[] = [status];
    for (const [command, actor] of steps) {
      const decision = decide(command, { status, agencyId: 'water-affairs-bureau' }, actor);
      if (decision.outcome !== 'allowed') throw new Error(`${command} refused: ${decision.outcome}`);
      status = decision.to;
      seen.push(status);
    }
    expect(seen).toEqual(['draft', 'submitted', 'returned', 'returned', 'submitted', 'approved', 'published']);
  });

  it('says why a command does not fit the state', () => {
    const decision = decide('edit', { status: 'submitted', agencyId: 'water-affairs-bureau' }, own);
    expect(decision).toEqual({ outcome: 'conflict', reason: 'the plan is submitted; only a draft or returned plan can be edited' });
  });
});

describe('the 5-working-day filing deadline', () => {
  const calendar = officialCalendar();

  it.each([
    // National Day 2026: 1–7 October off (weekdays 1, 2, 5, 6, 7), Saturday 10 October worked.
    ['Sun 11 Oct, filed Tue 29 Sep', '2026-10-11', '2026-09-29T09:00:00+08:00', '2026-09-29', true],
    ['Sat 10 Oct (worked), filed Tue 29 Sep', '2026-10-10', '2026-09-29T09:00:00+08:00', '2026-09-28', false],
    ['Mon 12 Oct, filed Tue 29 Sep', '2026-10-12', '2026-09-29T17:00:00+08:00', '2026-09-29', true],
    ['Fri 9 Oct, filed Thu 24 Sep (Mid-autumn Fri 25 Sep off)', '2026-10-09', '2026-09-24T10:00:00+08:00', '2026-09-24', true],
    // An ordinary weekend
    ['Fri 11 Dec, filed Fri 4 Dec', '2026-12-11', '2026-12-04T10:00:00+08:00', '2026-12-04', true],
    ['Thu 10 Dec, filed Fri 4 Dec', '2026-12-10', '2026-12-04T10:00:00+08:00', '2026-12-03', false],
    ['Mon 14 Dec, filed Mon 7 Dec', '2026-12-14', '2026-12-07T10:00:00+08:00', '2026-12-07', true],
    // The Shanghai date decides, not UTC's
    ['Fri 11 Dec, filed 23:59 Fri 4 Dec in Shanghai', '2026-12-11', '2026-12-04T15:59:00Z', '2026-12-04', true],
    ['Fri 11 Dec, filed 00:30 Sat 5 Dec in Shanghai (Fri in UTC)', '2026-12-11', '2026-12-04T16:30:00Z', '2026-12-04', false],
  ])('%s', (_label, eventDate, submittedAt, lastOnTime, onTime) => {
    const deadline = filingDeadline(calendar, eventDate as CalendarDate, new Date(submittedAt));
    expect(deadline).toMatchObject({ lastOnTimeFilingDate: lastOnTime, onTime });
  });

  it('tells the Shanghai date of the submission', () => {
    expect(filingDeadline(calendar, '2026-12-11', new Date('2026-12-04T16:30:00Z')).filedOn).toBe('2026-12-05');
  });

  it('refuses to guess for a year the calendar does not cover', () => {
    expect(() => filingDeadline(calendar, '2027-01-08', new Date('2026-12-20T10:00:00+08:00'))).toThrow(UncoveredYearError);
  });
});
