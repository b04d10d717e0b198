import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  committedSeed,
  drawLottery,
  entryList,
  entryListHash,
  LOTTERY_ALGORITHM_V1,
  LOTTERY_ALGORITHM_V2,
  lotteryAlgorithm,
  lotteryCommitment,
  lotteryTicket,
  randomLotteryBytes,
} from './lottery';

const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

// Computed independently with the command LOTTERY_ALGORITHM_V1 publishes:
// printf '%s' ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED
const TICKETS = {
  '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41': 'c95f190048082f100e02e56c8e23d3a4defbb2023ece1d487a23e3422a7e81c8',
  '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10': '60e8e8d796118bf6f8ef52f603d3c64ccb77eea3b9e1cabe2b14bd5f2ebaf03a',
  '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79': '366e9d973392a2410f141c513d642792cadaffb87c44a3b1cfdc42098342cb93',
  '报名-1': 'c4dabaef608f4a77775ba904e0662988ad4feabdd942023ec20049646de41688',
};

/**
 * Recipe 2 with SECRET = SEED above and the three UUID entries, computed independently with the
 * commands LOTTERY_ALGORITHM_V2 publishes (xxd, LC_ALL=C sort, sha256sum, openssl). The web's
 * draw-check.test.ts checks the browser's re-run against the same numbers.
 */
const COMMITTED = {
  secret: SEED,
  commitment: '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd',
  entries: ['6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41', '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10', '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79'],
  entryListHash: '381b9868090b1409e8794d1a4541054416c5435cd3c980ce753966c21b152b9d',
  seed: '80b82e925f4984811023cd36eac57eac85d83580c85c5a4f22d41e3b4b33514f',
  drawnOrder: ['5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79', '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41', '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10'],
};

function applications(applicationIds: string[]) {
  return applicationIds.map((applicationId) => ({ applicationId }));
}

describe('lotteryTicket', () => {
  it.each(Object.entries(TICKETS))('%s → %s', (entryId, ticket) => {
    expect(lotteryTicket(SEED, entryId)).toBe(ticket);
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
  it('orders the entries by ticket, ascending', () => {
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

  it('refuses an entry listed twice', () => {
    expect(() => drawLottery(applications(['a-1', 'a-2', 'a-1']), SEED)).toThrow('Application a-1 is listed more than once');
  });
});

describe('recipe 2: commitment, entry list, seed', () => {
  it.each([
    ['the vector', COMMITTED.secret, COMMITTED.commitment],
    ['all zero', '0'.repeat(64), '66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925'],
  ])('the commitment of %s is SHA-256 of the secret’s 32 bytes', (_label, secret, commitment) => {
    expect(lotteryCommitment(secret)).toBe(commitment);
  });

  it.each([
    ['in any order', [...COMMITTED.entries].reverse(), COMMITTED.entryListHash],
    ['none', [], 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('the entry-list hash of entries %s', (_label, entries, hash) => {
    expect(entryListHash(entries)).toBe(hash);
  });

  it.each([
    [['b', 'a', 'B'], 'B\na\nb\n'],
    [['0b9d', '0B9D', '0a'], '0B9D\n0a\n0b9d\n'],
    [[], ''],
  ])('the entry list of %j is sorted by bytes, one a line', (entries, list) => {
    expect(entryList(entries)).toBe(list);
  });

  it('derives the seed from the secret and the entry-list hash, and draws from it', () => {
    expect(committedSeed(COMMITTED.secret, COMMITTED.entryListHash)).toBe(COMMITTED.seed);
    expect(drawLottery(applications(COMMITTED.entries), COMMITTED.seed).map((entry) => entry.applicationId)).toEqual(COMMITTED.drawnOrder);
  });

  it.each([
    ['another secret', () => committedSeed(COMMITTED.secret.replace(/^00/, '01'), COMMITTED.entryListHash)],
    ['one more entry', () => committedSeed(COMMITTED.secret, entryListHash([...COMMITTED.entries, '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d']))],
  ])('gives another seed with %s', (_label, seed) => {
    expect(seed()).not.toBe(COMMITTED.seed);
  });

  it.each([
    ['secret', () => lotteryCommitment('XYZ')],
    ['entry-list hash', () => committedSeed(COMMITTED.secret, COMMITTED.entryListHash.toUpperCase())],
  ])('refuses a %s that is not 64 lower-case hexadecimal digits', (what, run) => {
    expect(run).toThrow(`A lottery ${what} is 64 lower-case hexadecimal digits`);
  });
});

describe('randomLotteryBytes', () => {
  it('is 32 random bytes in lower-case hexadecimal, usable as a seed or a secret', () => {
    const bytes = randomLotteryBytes();
    expect(bytes).toMatch(/^[0-9a-f]{64}$/);
    expect(randomLotteryBytes()).not.toBe(bytes);
    expect(lotteryTicket(bytes, 'a-1')).toMatch(/^[0-9a-f]{64}$/);
    expect(lotteryCommitment(bytes)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the published recipes', () => {
  it.each([
    [1, LOTTERY_ALGORITHM_V1],
    [2, LOTTERY_ALGORITHM_V2],
  ] as const)('recipe %i is in Chinese and English and names the person id as what is hashed', (recipe, text) => {
    expect(lotteryAlgorithm(recipe)).toBe(text);
    expect(text).toContain('抽签算法');
    expect(text).toContain('Lottery algorithm');
    expect(text).toContain('HMAC-SHA256');
    expect(text).toContain('personId');
    expect(text).toContain('person id');
    expect(text).not.toMatch(/application id/i);
  });

  /** Runs the check commands of recipe 2 exactly as printed, in each language, with the vector's public values put in. */
  it.each([
    ['Chinese', 0, { list: '编号.txt', secret: '密钥', listHash: '清单摘要', seed: '种子', entryId: '编号' }],
    ['English', 1, { list: 'ENTRIES.txt', secret: 'SECRET', listHash: 'ENTRY_LIST_HASH', seed: 'SEED', entryId: 'ENTRY_ID' }],
  ])('recipe 2’s %s commands, run in a shell on the public values, give the commitment, entry-list hash, seed and tickets', (_language, part, names) => {
    const folder = mkdtempSync(join(tmpdir(), 'lottery-recipe-'));
    try {
      writeFileSync(join(folder, names.list), COMMITTED.entries.map((id) => `${id}\n`).join(''));
      const commands = LOTTERY_ALGORITHM_V2.split('Lottery algorithm')[part]
        .split('\n')
        .filter((line) => /^(printf|LC_ALL=C sort) .*sha256/.test(line))
        .map((line) => line.replace(/\s*[(（][^)）]*[)）]\s*$/, ''));
      expect(commands).toHaveLength(4);
      const run = (command: string, values: Array<[string, string]>) =>
        execFileSync('bash', ['-c', values.reduce((text, [name, value]) => text.replaceAll(name, value), command)], { cwd: folder, encoding: 'utf8' })
          .split(/\s+/)
          .filter((word) => /^[0-9a-f]{64}$/.test(word))[0];
      const publicValues: Array<[string, string]> = [
        [names.listHash, COMMITTED.entryListHash],
        [names.secret, COMMITTED.secret],
        [names.seed, COMMITTED.seed],
      ];
      const [commitment, listHash, seed, ticket] = commands;
      expect(run(commitment, publicValues)).toBe(COMMITTED.commitment);
      expect(run(listHash, publicValues)).toBe(COMMITTED.entryListHash);
      expect(run(seed, publicValues)).toBe(COMMITTED.seed);
      const tickets = COMMITTED.entries.map((entryId) => run(ticket, [...publicValues, [names.entryId, entryId]]));
      expect(tickets).toEqual(COMMITTED.entries.map((entryId) => lotteryTicket(COMMITTED.seed, entryId)));
      const byTicket = COMMITTED.entries.map((entryId, i) => [tickets[i], entryId]).sort(([a], [b]) => (a < b ? -1 : 1));
      expect(byTicket.map(([, entryId]) => entryId)).toEqual(COMMITTED.drawnOrder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
