import { checkDraw, commitmentOf, drawOf, entryList, entryListHashOf, normalizedHex, parseIdList, seedOf, verifyDraw } from './draw-check';

describe('parseIdList', () => {
  it.each([
    ['a\nb\nc', ['a', 'b', 'c']],
    [' A , b，c ; d ', ['a', 'b', 'c', 'd']],
    ['\n\n a \n\n', ['a']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseIdList(text)).toEqual(expected);
  });
});

describe('normalizedHex', () => {
  const seed = 'ab'.repeat(32);
  it.each([
    [seed, seed],
    [` ${seed.toUpperCase()} `, seed],
    [seed.slice(1), undefined],
    [`${seed.slice(1)}g`, undefined],
    ['', undefined],
  ])('%j', (text, expected) => {
    expect(normalizedHex(text)).toBe(expected);
  });
});

describe('checkDraw', () => {
  it.each([
    ['same order', ['a', 'b', 'c'], ['a', 'b', 'c'], { outcome: 'matches' }],
    ['case does not matter', ['A', 'b'], ['a', 'B'], { outcome: 'matches' }],
    ['two swapped', ['a', 'c', 'b'], ['a', 'b', 'c'], { outcome: 'differs', firstDifference: 2 }],
    ['one missing from the published list', ['a', 'b'], ['a', 'b', 'c'], { outcome: 'differs', firstDifference: 3 }],
    ['one more in the published list', ['a', 'b', 'c'], ['a', 'b'], { outcome: 'differs', firstDifference: 3 }],
    ['nothing published to compare with', [], ['a'], { outcome: 'no-published' }],
  ])('%s', (_case, published, drawn, expected) => {
    expect(checkDraw(published, drawn)).toEqual(expected);
  });
});

/**
 * The vector vetting's lottery.spec.ts checks (computed there with the published shell commands:
 * xxd, LC_ALL=C sort, sha256sum, openssl): the browser's re-run must give the same numbers.
 */
const SECRET = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const VECTOR = {
  commitment: '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd',
  entryIds: ['6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41', '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10', '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79'],
  entryListHash: '381b9868090b1409e8794d1a4541054416c5435cd3c980ce753966c21b152b9d',
  seed: '80b82e925f4984811023cd36eac57eac85d83580c85c5a4f22d41e3b4b33514f',
  drawnOrder: ['5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79', '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41', '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10'],
};
// Recipe 1 tickets of the same entries with SECRET as the seed (vetting's lottery.spec.ts TICKETS).
const RECIPE_1_TICKETS = {
  '5c0e2d1a-7b7f-4a53-9a1e-2f3d4c5b6a79': '366e9d973392a2410f141c513d642792cadaffb87c44a3b1cfdc42098342cb93',
  '0b9d3c55-5d86-4f0e-a8a4-3f1f0d7f2a10': '60e8e8d796118bf6f8ef52f603d3c64ccb77eea3b9e1cabe2b14bd5f2ebaf03a',
  '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41': 'c95f190048082f100e02e56c8e23d3a4defbb2023ece1d487a23e3422a7e81c8',
};

describe('the recipes, re-run with Web Crypto', () => {
  it('recipe 2: commitment, entry-list hash, seed and drawn order of the shared vector', async () => {
    expect(await commitmentOf(SECRET)).toBe(VECTOR.commitment);
    expect(await entryListHashOf([...VECTOR.entryIds].reverse())).toBe(VECTOR.entryListHash);
    expect(await seedOf(SECRET, VECTOR.entryListHash)).toBe(VECTOR.seed);
    expect((await drawOf(VECTOR.seed, VECTOR.entryIds)).map((entry) => entry.entryId)).toEqual(VECTOR.drawnOrder);
  });

  it('recipe 1: the tickets and order of the shared vector', async () => {
    expect(await drawOf(SECRET, VECTOR.entryIds)).toEqual(Object.entries(RECIPE_1_TICKETS).map(([entryId, ticket]) => ({ entryId, ticket })));
  });

  it.each([
    [['b', 'a', 'B'], 'B\na\nb\n'],
    [['é', 'z', 'e'], 'e\nz\né\n'],
    [[], ''],
  ])('the entry list of %j is sorted by UTF-8 bytes, one a line', (ids, list) => {
    expect(entryList(ids)).toBe(list);
  });
});

describe('verifyDraw', () => {
  const published = { commitment: VECTOR.commitment, secret: SECRET, entryListHash: VECTOR.entryListHash, seed: VECTOR.seed, entryIds: VECTOR.entryIds, publishedOrder: VECTOR.drawnOrder };

  it('recipe 2: every published value matches the re-run', async () => {
    expect(await verifyDraw(published)).toMatchObject({
      recipe: 2,
      commitment: { computed: VECTOR.commitment, outcome: 'matches' },
      entryListHash: { computed: VECTOR.entryListHash, outcome: 'matches' },
      seed: { computed: VECTOR.seed, outcome: 'matches' },
      order: { outcome: 'matches' },
    });
  });

  it.each([
    ['a secret changed after the commitment', { secret: SECRET.replace(/^00/, '01') }, { commitment: 'differs', seed: 'differs', order: 'differs' }],
    ['an entry left out of the list', { entryIds: VECTOR.entryIds.slice(1) }, { commitment: 'matches', entryListHash: 'differs', seed: 'differs', order: 'differs' }],
    ['another seed published', { seed: '0'.repeat(64) }, { commitment: 'matches', entryListHash: 'matches', seed: 'differs', order: 'matches' }],
    ['the published order swapped', { publishedOrder: [VECTOR.drawnOrder[1], VECTOR.drawnOrder[0], VECTOR.drawnOrder[2]] }, { commitment: 'matches', seed: 'matches', order: 'differs' }],
    ['no commitment given', { commitment: undefined }, { commitment: 'not-given', seed: 'matches', order: 'matches' }],
  ])('recipe 2 detects %s', async (_case, change, outcomes) => {
    const verification = await verifyDraw({ ...published, ...change });
    const seen = {
      commitment: verification.commitment?.outcome,
      entryListHash: verification.entryListHash?.outcome,
      seed: verification.seed?.outcome,
      order: verification.order.outcome,
    };
    expect(seen).toMatchObject(outcomes);
  });

  it('recipe 1: draws from the published seed', async () => {
    const verification = await verifyDraw({ seed: SECRET, entryIds: VECTOR.entryIds, publishedOrder: Object.keys(RECIPE_1_TICKETS) });
    expect(verification).toMatchObject({ recipe: 1, order: { outcome: 'matches' } });
    expect(verification.commitment).toBeUndefined();
  });

  it('recipe 1 needs the seed', async () => {
    await expect(verifyDraw({ entryIds: VECTOR.entryIds, publishedOrder: [] })).rejects.toThrow('Recipe 1 needs the published seed');
  });
});
