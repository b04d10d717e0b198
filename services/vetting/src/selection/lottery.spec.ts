import { drawLottery, LOTTERY_ALGORITHM, lotteryTicket, newLotterySeed } from './lottery';

const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

// Computed independently with the command LOTTERY_ALGORITHM publishes:
// printf '%s' ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED
const TICKETS = {
  '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41': 'c95f190048082f100e02e56c8e23d3a4defbb2023ece1d487a23e3422a7e81c8',
  '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10': '60e8e8d796118bf6f8ef52f603d3c64ccb77eea3b9e1cabe2b14bd5f2ebaf03a',
  '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79': '366e9d973392a2410f141c513d642792cadaffb87c44a3b1cfdc42098342cb93',
  '报名-1': 'c4dabaef608f4a77775ba904e0662988ad4feabdd942023ec20049646de41688',
};

function applications(applicationIds: string[]) {
  return applicationIds.map((applicationId) => ({ applicationId }));
}

describe('lotteryTicket', () => {
  it.each(Object.entries(TICKETS))('%s → %s', (applicationId, ticket) => {
    expect(lotteryTicket(SEED, applicationId)).toBe(ticket);
  });

  it.each([
    ['upper-case digits', SEED.toUpperCase()],
    ['31 bytes', SEED.slice(2)],
    ['not hexadecimal', `${SEED.slice(1)}g`],
    ['empty', ''],
  ])('refuses a seed that is %s', (_label, seed) => {
    expect(() => lotteryTicket(seed, 'any')).toThrow('A lottery seed is 64 lower-case hexadecimal digits');
  });
});

describe('drawLottery', () => {
  it('orders the applications by ticket, ascending', () => {
    const drawn = drawLottery(applications(Object.keys(TICKETS)), SEED).map((application) => application.applicationId);
    expect(drawn).toEqual([
      '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79',
      '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10',
      '报名-1',
      '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
    ]);
  });

  it('keeps whatever else the candidates carry', () => {
    const candidate = { applicationId: 'a-1', category: 'media' };
    expect(drawLottery([candidate], SEED)).toEqual([candidate]);
  });

  it('gives the same order whatever order the candidates come in, and another order with another seed', () => {
    const candidates = applications(Array.from({ length: 200 }, (_, i) => `application-${i}`));
    const ids = (drawn: readonly { applicationId: string }[]) => drawn.map((candidate) => candidate.applicationId);
    const drawn = ids(drawLottery(candidates, SEED));

    expect(ids(drawLottery([...candidates].reverse(), SEED))).toEqual(drawn);
    expect([...drawn].sort()).toEqual(ids(candidates).sort());
    const tickets = drawn.map((applicationId) => lotteryTicket(SEED, applicationId));
    expect(tickets).toEqual([...tickets].sort());
    expect(ids(drawLottery(candidates, SEED.replace(/^00/, 'ff')))).not.toEqual(drawn);
  });

  it('refuses an application listed twice', () => {
    expect(() => drawLottery(applications(['a-1', 'a-2', 'a-1']), SEED)).toThrow('Application a-1 is listed more than once');
  });
});

describe('newLotterySeed', () => {
  it('is 32 random bytes in lower-case hexadecimal, usable as a seed', () => {
    const seed = newLotterySeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(newLotterySeed()).not.toBe(seed);
    expect(lotteryTicket(seed, 'a-1')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('LOTTERY_ALGORITHM', () => {
  it('describes the draw in Chinese and English, with the command to check a ticket', () => {
    expect(LOTTERY_ALGORITHM).toContain('抽签算法');
    expect(LOTTERY_ALGORITHM).toContain('Lottery algorithm');
    expect(LOTTERY_ALGORITHM).toContain('HMAC-SHA256');
    expect(LOTTERY_ALGORITHM).toContain("printf '%s' APPLICATION_ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED");
  });
});
