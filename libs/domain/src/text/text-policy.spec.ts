import { parseFreeText } from './free-text';
import { parsePersonName } from './person-name';

const ruleOf = (result: { ok: boolean; rule?: string }) => (result.ok ? undefined : result.rule);

describe('parsePersonName', () => {
  it.each([
    ['张三', '张三'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['艾力·买买提', '艾力·买买提'],
    ['艾力\u30FB买买提', '艾力·买买提'],
    ['艾力\uFF65买买提', '艾力·买买提'],
    ['艾力\u2022买买提', '艾力·买买提'],
    ['艾力\u2027买买提', '艾力·买买提'],
    ['艾力\u16EB买买提', '艾力·买买提'],
    ['艾力\u0387买买提', '艾力·买买提'],
    ['阿卜杜拉 · 艾合买提', '阿卜杜拉·艾合买提'],
    ['ئەخمەتجان قاسىمى', 'ئەخمەتجان قاسىمى'],
    ['Мария Иванова', 'Мария Иванова'],
    ['Jean-Luc Picard', 'Jean-Luc Picard'],
    ["Seán O'Brien", "Seán O'Brien"],
    ['Anne-Marie D\u2019Angelo', 'Anne-Marie D\u2019Angelo'],
    ['  Zhang   San  ', 'Zhang San'],
    ['Zhang\u3000San', 'Zhang San'],
    ['Jose\u0301', 'José'],
    ['Nguyễn Văn A', 'Nguyễn Văn A'],
    ['मुकेश', 'मुकेश'],
    ['مریم\u200Cسادات', 'مریم\u200Cسادات'],
    ['王'.repeat(50), '王'.repeat(50)],
    ['𠮷野', '𠮷野'],
  ])('accepts %j as %j', (value, stored) => {
    expect(parsePersonName(value)).toEqual({ ok: true, value: stored });
  });

  it.each([
    [undefined, 'notText'],
    [42, 'notText'],
    ['', 'required'],
    ['   ', 'required'],
    ['张\u0000三', 'controlCharacter'],
    ['张三\n', 'controlCharacter'],
    ['张\t三', 'controlCharacter'],
    ['张\u001B[31m三', 'controlCharacter'],
    ['张\u0085三', 'controlCharacter'],
    ['\u202Eeci\u202Cl', 'bidiControl'],
    ['张\u2066三\u2069', 'bidiControl'],
    ['Ali\u200F', 'bidiControl'],
    ['علي\u061C', 'bidiControl'],
    ['张三😀', 'emoji'],
    ['张三❤\uFE0F', 'emoji'],
    ['👍🏽', 'emoji'],
    ['🇨🇳', 'emoji'],
    ['张\u200B三', 'invisibleCharacter'],
    ['张\uFEFF三', 'invisibleCharacter'],
    ['\u200D张三', 'invisibleCharacter'],
    ['张\uE000三', 'privateUse'],
    ['张\u{F0000}', 'privateUse'],
    ['张\u0378三', 'unassigned'],
    ['张\uD800三', 'unassigned'],
    ['张\uFFFF', 'unassigned'],
    ['王'.repeat(51), 'tooLong'],
    ['张三3', 'notLetters'],
    ['R2-D2', 'notLetters'],
    ['张三!', 'notLetters'],
    ['<script>', 'notLetters'],
    ['Zhang_San', 'notLetters'],
    ['张三©', 'notLetters'],
    ['-张三', 'separatorPlacement'],
    ['张三·', 'separatorPlacement'],
    ['艾力··买买提', 'separatorPlacement'],
    ["O''Brien", 'separatorPlacement'],
    ['Mary - Jane', 'separatorPlacement'],
    ['\u0301abc', 'separatorPlacement'],
  ])('refuses %j: %s', (value, rule) => {
    const result = parsePersonName(value);
    expect(ruleOf(result)).toBe(rule);
    expect(result.ok ? '' : result.message).toMatch(/^must /);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(parsePersonName('𠮷'.repeat(50)).ok).toBe(true);
    expect(ruleOf(parsePersonName('𠮷'.repeat(51)))).toBe('tooLong');
  });
});

describe('parseFreeText', () => {
  const title = { maxLength: 20 };
  const opinion = { maxLength: 200, multiline: true };

  it.each([
    ['水务局开放日 2027', title, '水务局开放日 2027'],
    ['  Open   day: "water" & more — 100%  ', { maxLength: 100 }, 'Open day: "water" & more — 100%'],
    ['Café\u0301', title, 'Café́'.normalize('NFC')],
    ['第一行\r\n第二行\r\n\r\n第三行  ', opinion, '第一行\n第二行\n\n第三行'],
    ['a\u2028b', opinion, 'a\nb'],
    ['a\tb', title, 'a b'],
    ['© 2026 ☺ ½ №5 ¥100', { maxLength: 50 }, '© 2026 ☺ ½ №5 ¥100'],
    ['ok\n', title, 'ok'],
    ['  ', { maxLength: 300, minLength: 0 }, ''],
    ['一'.repeat(20), title, '一'.repeat(20)],
  ])('accepts %j', (value, options, stored) => {
    expect(parseFreeText(value, options)).toEqual({ ok: true, value: stored });
  });

  it.each([
    [null, title, 'notText'],
    ['', title, 'required'],
    [' \n ', opinion, 'required'],
    ['ab', { maxLength: 10, minLength: 3 }, 'tooShort'],
    ['一'.repeat(21), title, 'tooLong'],
    ['第一行\n第二行', title, 'lineBreak'],
    ['a\u0000b', opinion, 'controlCharacter'],
    ['a\u0007b', opinion, 'controlCharacter'],
    ['a\u202Eb', opinion, 'bidiControl'],
    ['好😀', opinion, 'emoji'],
    ['a\u200Bb', opinion, 'invisibleCharacter'],
    ['a\uE000b', opinion, 'privateUse'],
    ['a\uDC00b', opinion, 'unassigned'],
  ])('refuses %j: %s', (value, options, rule) => {
    expect(ruleOf(parseFreeText(value, options))).toBe(rule);
  });
});
