// Who applies where in a chaos run: open days published on the bus as scheduling publishes them
// (as the e2e selection tests do), and citizens signed in through the real one-time-code flow
// (the code read from the gateway's internal stream, where notification reads it to text it).
import { randomUUID } from 'node:crypto';
import { OpenDayPublishedV2 } from '@openday/contracts';
import { BusSignInCodes, claimsOf, testResidentId, waitFor } from '@openday/testing';
import { addDays, shanghaiToday } from '../../demo/scenario.mjs';

const DAY_MS = 86_400_000;
const SIGN_INS_AT_ONCE = 40;

/** Open day i: a lottery when i % 4 === 0, else first-come; each on its own date, a month ahead. */
export function openDaySpecs({ count, capacity, lotteryClosesAt }) {
  return Array.from({ length: count }, (_, i) => {
    const lottery = i % 4 === 0;
    return {
      index: i,
      openDayId: randomUUID(),
      sessionId: randomUUID(),
      title: `混沌演练开放日 ${i + 1}（${lottery ? '抽签' : '先到先得'}）`,
      selectionMode: lottery ? 'lottery' : 'first-come',
      capacity,
      date: addDays(shanghaiToday(), 30 + i),
      closesAt: lottery ? lotteryClosesAt : new Date(Date.now() + 20 * DAY_MS).toISOString(),
    };
  });
}

/** Publishes each open day as scheduling does (the harness's publishOpenDay: v2, and v3 with no media places) and waits for registration's copy. */
export async function publishOpenDays(platform, specs) {
  for (const spec of specs) {
    const data = {
      ...OpenDayPublishedV2.contract.definition.example,
      openDayId: spec.openDayId,
      planId: randomUUID(),
      title: spec.title,
      sessions: [{ sessionId: spec.sessionId, date: spec.date, startsAt: '09:00', endsAt: '11:30', capacity: spec.capacity }],
      quotas: [],
      minOrdinaryShare: 0,
      eligibility: { minAge: 18, maxAge: 70, districts: [] },
      registrationOpensAt: new Date(Date.now() - DAY_MS).toISOString(),
      registrationClosesAt: spec.closesAt,
      selectionMode: spec.selectionMode,
      publishedAt: new Date().toISOString(),
    };
    await platform.publishOpenDay(data, 0);
  }
  for (const spec of specs) {
    await waitFor(async () => (await fetch(`${platform.gateway}/api/v1/open-days/${spec.openDayId}`)).status === 200, {
      timeoutMs: 60_000,
      intervalMs: 200,
      what: `registration's copy of ${spec.title}`,
    });
  }
}

/** Citizen n: a valid resident ID, a mobile and an e-mail of their own. */
export function citizen(n) {
  return {
    n,
    name: '王小红',
    idNumber: testResidentId(addDays('1960-01-01', n % 10_000), String(100 + Math.floor(n / 10_000)).padStart(3, '0'), n % 2 ? '350102' : '350103'),
    mobile: `135${String(n).padStart(8, '0')}`,
    email: `chaos${n}@example.cn`,
  };
}

/** Signs in `count` citizens through the code flow (the code read from the bus); answers them with `token` and `userId` (the account notification files their in-app messages under). */
export async function signInCitizens(platform, count, say) {
  const codes = await BusSignInCodes.start(platform.connection, platform.namespace, { timeoutMs: 60_000 });
  const people = [];
  try {
    for (let start = 0; start < count; start += SIGN_INS_AT_ONCE) {
      const batch = Array.from({ length: Math.min(SIGN_INS_AT_ONCE, count - start) }, (_, i) => citizen(start + i));
      await Promise.all(
        batch.map(async (person) => {
          const token = await platform.client.citizenSignIn(person.mobile, codes);
          people.push({ ...person, token, userId: claimsOf(token).sub });
        }),
      );
      if ((start / SIGN_INS_AT_ONCE) % 25 === 24) say(`  ${people.length} signed in`);
    }
  } finally {
    codes.close();
  }
  return people.sort((a, b) => a.n - b.n);
}
