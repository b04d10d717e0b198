// Open days for load runs, through the staff API as an agency and the city office
// use it: a plan filed by the water bureau's staff, approved by the city office,
// published by scheduling at its publication time; then registration's copy is
// waited for, so applications can start.
import { DEMO_PASSWORD, addMissingCalendarYears, calendarYearsAhead } from '@openday/testing';
import { GatewayClient } from '../../seed/gateway-client.mjs';
import { addDays, planBody, shanghaiToday } from '../../demo/scenario.mjs';

/** Plans are filed this many working days ahead of their event, well within scheduling's filing rule. */
const WORKING_DAYS_AHEAD = 10;

/** Working days from the 10th working day after today, per the platform's calendar (the city office adds a missing year). */
async function eventDates(client, cityOffice, count) {
  await addMissingCalendarYears(client.baseUrl, cityOffice, calendarYearsAhead(new Date(), 60));
  const { body: calendar } = await client.call('GET', '/api/v1/working-calendar', { expect: [200] });
  const isWorkingDay = (date) => {
    if (calendar.adjustedWorkingDays.includes(date)) return true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return !calendar.holidays.includes(date) && weekday >= 1 && weekday <= 5;
  };
  const dates = [];
  for (let date = shanghaiToday(), counted = 0; dates.length < count; ) {
    date = addDays(date, 1);
    if (!isWorkingDay(date)) continue;
    counted += 1;
    if (counted >= WORKING_DAYS_AHEAD) dates.push(date);
  }
  return dates;
}

/**
 * Publishes one open day per spec, each on its own working day, one session with
 * `capacity` places for ordinary citizens, open to every district, registration
 * open two seconds after the plan is created and closing at `registrationClosesAt`
 * (default: as the demo's plans close).
 * @param {{ gatewayUrl: string, specs: Array<{ title: string, selectionMode: 'first-come'|'lottery', capacity: number, registrationClosesAt?: string }>, say?: (line: string) => void }} options
 * @returns the specs with openDayId, planId and sessionId
 */
export async function publishOpenDays({ gatewayUrl, specs, say = () => {} }) {
  const client = new GatewayClient({ baseUrl: gatewayUrl, say });
  const staff = await client.staffSignIn('water-staff', DEMO_PASSWORD);
  const cityOffice = await client.staffSignIn('city-office', DEMO_PASSWORD);
  const dates = await eventDates(client, cityOffice, specs.length);
  const published = [];
  for (const [i, spec] of specs.entries()) {
    const body = planBody(
      {
        title: spec.title,
        theme: '参观水厂，座谈供水服务',
        forms: ['site-visit', 'forum'],
        venues: [
          { name: '第一水厂', address: '滨江路 1 号' },
          { name: '水质监测中心', address: '滨江路 9 号' },
        ],
        assemblyPoint: '市民中心北门',
        capacity: spec.capacity,
        selectionMode: spec.selectionMode,
        districts: [],
      },
      dates[i],
    );
    if (spec.registrationClosesAt) body.registrationClosesAt = spec.registrationClosesAt;
    const { body: plan } = await client.call('POST', '/api/v1/plans', { token: staff, body, expect: [201] });
    await client.call('POST', `/api/v1/plans/${plan.id}/submit`, { token: staff, expect: [200] });
    await client.call('POST', `/api/v1/plans/${plan.id}/approve`, { token: cityOffice, body: { comments: '同意备案' }, expect: [200] });
    const view = await client.until(`publication of ${spec.title}`, async () => {
      const { body: current } = await client.call('GET', `/api/v1/plans/${plan.id}`, { token: staff, expect: [200] });
      return current.status === 'published' && current.openDayId ? current : undefined;
    });
    published.push({ ...spec, planId: plan.id, openDayId: view.openDayId, sessionId: view.sessions[0].id, registrationClosesAt: body.registrationClosesAt, staffToken: staff });
  }
  for (const openDay of published) {
    await client.until(`registration's copy of ${openDay.title}`, async () => {
      const { status, body } = await client.call('GET', `/api/v1/open-days/${openDay.openDayId}`, { expect: [200, 404] });
      return status === 200 && body;
    });
  }
  return published;
}

/** Vetting's selection of an open day's first session, as the agency's staff see it. */
export async function selectionOf(gatewayUrl, openDay) {
  const client = new GatewayClient({ baseUrl: gatewayUrl });
  const { body } = await client.call('GET', `/api/v1/open-days/${openDay.openDayId}/selection`, { token: openDay.staffToken, expect: [200] });
  return body.sessions[0];
}
