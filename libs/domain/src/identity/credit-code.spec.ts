import { creditCodeCheckCharacter, parseCreditCode } from './credit-code';

// Codes published for well-known organisations (company registers, Wikipedia, GLEIF, university notices).
const PUBLISHED = [
  ['914403001922038216', 'Huawei Technologies Co., Ltd.'],
  ['9144030071526726XG', 'Tencent Technology (Shenzhen) Co., Ltd.'],
  ['91440300708461136T', 'Shenzhen Tencent Computer Systems Co., Ltd.'],
  ['91110108551385082Q', 'Xiaomi Inc. (小米科技有限责任公司)'],
  ['91110000710925462X', 'PetroChina Co., Ltd.'],
  ['91110000802100433B', 'Beijing Baidu Netcom Science and Technology Co., Ltd.'],
  ['12100000470095016Q', 'Zhejiang University (public institution)'],
  ['11140800558745220K', 'Jinzhong Municipal Bureau of Culture and Tourism (government organ)'],
];

describe('parseCreditCode accepts published codes', () => {
  it.each(PUBLISHED)('%s (%s)', (code) => {
    expect(parseCreditCode(code)).toEqual({
      ok: true,
      value: {
        normalized: code,
        registrationAuthority: code[0],
        organisationType: code[1],
        regionCode: code.slice(2, 8),
      },
    });
  });
});

describe('parseCreditCode', () => {
  it.each([
    ['9144030071526726xg', '9144030071526726XG'],
    [' 91110000710925462x ', '91110000710925462X'],
  ])('normalises %p to %s', (input, normalized) => {
    expect(parseCreditCode(input)).toMatchObject({ ok: true, value: { normalized } });
  });

  it('reads the parts of a code', () => {
    expect(parseCreditCode('12100000470095016Q')).toMatchObject({
      value: { registrationAuthority: '1', organisationType: '2', regionCode: '100000' },
    });
  });

  it.each([
    ['Huawei, last digit 6 → 7', '914403001922038217'],
    ['Tencent, G → H', '9144030071526726XH'],
    ['PetroChina, X → Y', '91110000710925462Y'],
    ['Xiaomi, Q → 0', '911101085513850820'],
    ['Xiaomi, two digits swapped', '91110108553185082Q'],
  ])('refuses an altered check: %s', (_case, code) => {
    expect(parseCreditCode(code)).toEqual({
      ok: false,
      rule: 'checksum',
      message: 'Credit code checksum: the last character does not match the first 17 characters',
    });
  });

  it.each([
    ['17 characters', '91440300192203821'],
    ['19 characters', '9144030019220382166'],
    ['the letter I', '91440300I92203821X'],
    ['the letter O', '9144030019220382O6'],
    ['the letter Z', '91440300Z92203821X'],
    ['the letter S', '914403001922038S16'],
    ['the letter V', '914403001922038V16'],
    ['a letter in the region code', '9144A3001922038216'],
    ['a dash', '91440300-192203821'],
    ['an empty string', ''],
    ['a number instead of a string', 914403001922038],
  ])('refuses %s: %p', (_case, code) => {
    expect(parseCreditCode(code)).toMatchObject({ ok: false, rule: 'format' });
  });
});

describe('creditCodeCheckCharacter', () => {
  it.each(PUBLISHED)('%s', (code) => {
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a weighted sum divisible by 31 to 0, not to the 32nd character', () => {
    expect(creditCodeCheckCharacter('9144030019220382Y')).toBe('0');
  });
});
