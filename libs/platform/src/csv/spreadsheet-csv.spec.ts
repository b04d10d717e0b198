import { spreadsheetCsv } from './spreadsheet-csv';

const BOM = '\uFEFF';

describe('spreadsheetCsv', () => {
  it.each<[string, string | number, string]>([
    ['an equals sign', '=HYPERLINK("http://x.example","click")', `"'=HYPERLINK(""http://x.example"",""click"")"`],
    ['a plus sign', '+1+2', "'+1+2"],
    ['a minus sign', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['a tab', '\t=1', `'\t=1`],
    ['a carriage return', '\r=1', `"'\r=1"`],
    ['a formula after a comma', '=1,2', `"'=1,2"`],
    ['a negative number', -3, '-3'],
    ['a positive number', 42, '42'],
    ['plain text', '王小明', '王小明'],
    ['text with a formula sign later on', 'a=b', 'a=b'],
    ['an empty cell', '', ''],
  ])('writes %s as a value, never a formula', (_label, cell, written) => {
    expect(spreadsheetCsv([[cell]])).toBe(`${BOM}${written}\n`);
  });

  it('writes a header row and records, one line each', () => {
    expect(spreadsheetCsv([['No.', 'Name'], [1, '=cmd']])).toBe(`${BOM}No.,Name\n1,'=cmd\n`);
  });
});
